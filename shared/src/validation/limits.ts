/** Every length limit on API input, in one place (no zod here) so docs and UI can quote them. */
export const LIMITS = {
  emailMax: 254,
  passwordMin: 10,
  /** Long enough for any passphrase, short enough that hashing it is not a lever. */
  passwordMax: 1024,
  nameMax: 100,
  titleMax: 300,
  urlMax: 2048,
  /** Characters of an article body, text, Markdown or HTML (the request is also capped in bytes: 413). */
  articleBodyMax: 1_000_000,
  idMax: 100,
  joinCodeMax: 64,
  participantNameMax: 80,
  keyClaimsMax: 500,
  keyQuoteMax: 5000,
  keyRationaleMax: 5000,
  verdictLabelMax: 40,
  /** A review request's or a decision's note, a correction's note. */
  noteMax: 5000,
  /** Who made a claim (a person, an organisation). */
  claimantMax: 300,
  /** A named version's label (the contract's labels, 1–200). */
  labelMax: 200,
  /** Page sizes of the paged lists (versions, activity, notifications): `?limit=`, default pageDefault. */
  pageMax: 200,
  pageDefault: 50,
} as const
