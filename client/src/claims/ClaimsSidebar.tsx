import './claims.css'

/**
 * The claims column. Claim marking is not built yet (issue 4 adds it); until then this
 * says plainly what will live here, rather than showing controls that do nothing.
 */
export function ClaimsSidebar() {
  return (
    <section className="claims-sidebar" aria-labelledby="claims-heading" data-testid="claims-sidebar">
      <h2 id="claims-heading" className="panel-heading">
        Claims
      </h2>
      <div className="claims-sidebar__empty">
        <p className="claims-sidebar__empty-title">No claims yet</p>
        <p>
          Claims checked in this article will be listed here, in text order. Marking is coming soon: you will select a
          passage and mark it as a claim, then add evidence, a verdict and a discussion to its card.
        </p>
      </div>
    </section>
  )
}
