/** Where a workshop stands: still needs a key, running, or results out. */
export function WorkshopStateChip({ workshop }: { workshop: { hasKey: boolean; revealed: boolean } }) {
  const [label, modifier] = workshop.revealed
    ? ['Results revealed', 'revealed']
    : workshop.hasKey
      ? ['In progress', 'running']
      : ['Needs an answer key', 'setup']
  return (
    <span className={`workshop-chip workshop-chip--${modifier}`} data-testid="workshop-state">
      {label}
    </span>
  )
}
