/**
 * Words of a claim for similarity: lower-cased, numbers written as digits ("eighty-four",
 * "84" and "84.0" alike; "1,200" and "one thousand two hundred" alike; "%" and "per cent"
 * are "percent"), common words dropped, and a light suffix stemmer so "killed", "kills"
 * and "killing" meet.
 */

const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
}
const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
}
const SCALES: Readonly<Record<string, number>> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
}

const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but of to in on at by for with from as is are was were be been being has have had do does did ' +
    'it its this that these those there their they them he she his her we our you your i me my not no than then ' +
    'so such which who whom whose what when where while also into over about after before during since some any ' +
    'all more most other own same very can could would should will may might must just only said says say according'
  ).split(' '),
)

function isNumberWord(word: string): boolean {
  return word in UNITS || word in TENS || word in SCALES
}

/** The tokens of a text, numbers as digits. */
export function normaliseTokens(text: string): string[] {
  const raw =
    text
      .toLowerCase()
      .replace(/’/g, "'")
      .replace(/(\d),(?=\d{3}\b)/g, '$1')
      .replace(/%/g, ' percent ')
      .replace(/\bper ?cent\b/g, ' percent ')
      .match(/[\p{L}\p{N}]+(?:[.'][\p{L}\p{N}]+)*/gu) ?? []
  const out: string[] = []
  for (let i = 0; i < raw.length; i++) {
    // "eighty-four" arrives as "eighty", "four"; "two hundred and five" as four words.
    if (
      isNumberWord(raw[i]!) &&
      !(raw[i] === 'one' && !isNumberWord(raw[i + 1] ?? '') && i > 0 && !/^\d/.test(raw[i - 1]!))
    ) {
      let total = 0
      let current = 0
      let j = i
      for (; j < raw.length; j++) {
        const w = raw[j]!
        if (w in UNITS) current += UNITS[w]!
        else if (w in TENS) current += TENS[w]!
        else if (w === 'hundred') current = (current || 1) * 100
        else if (w in SCALES) {
          total += (current || 1) * SCALES[w]!
          current = 0
        } else if (w === 'and' && j + 1 < raw.length && isNumberWord(raw[j + 1]!) && j > i) continue
        else break
      }
      out.push(String(total + current))
      i = j - 1
      continue
    }
    const word = raw[i]!
    // "3.5 million" reads as 3500000, like "three and a half million" would not: keep it simple and exact.
    if (/^\d+(?:\.\d+)?$/.test(word)) {
      const scale = SCALES[raw[i + 1] ?? '']
      const value = Number(word) * (scale ?? 1)
      out.push(String(value))
      if (scale) i++
      continue
    }
    if (STOPWORDS.has(word)) continue
    out.push(stem(word))
  }
  return out
}

/** A light suffix stemmer (a small part of Porter's): enough for plurals and tenses. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word
  let w = word.replace(/'s$/, '')
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`
  else if (w.endsWith('sses')) w = w.slice(0, -2)
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1)
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3)
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2)
  else if (w.endsWith('ly') && w.length > 4) w = w.slice(0, -2)
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1)
  // "killed" → "kill", "stopped" → "stop": a doubled final consonant left by -ed/-ing.
  if (/([^aeiouls])\1$/.test(w)) w = w.slice(0, -1)
  return w
}
