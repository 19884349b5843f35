import { initialsOf } from '../ui/identity'

interface AvatarProps {
  name: string
  color: string
  /** Accessible name when it should say more than the name, e.g. "Ana (you)". */
  label?: string
  size?: 'small' | 'medium'
  /** Decorative when the name is printed right beside it. */
  decorative?: boolean
}

export function Avatar({ name, color, label = name, size = 'medium', decorative = false }: AvatarProps) {
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: aria-label only comes with role="img" (both are set for a non-decorative avatar)
    <span
      className={`avatar avatar--${size}`}
      style={{ backgroundColor: color }}
      aria-hidden={decorative ? 'true' : undefined}
      role={decorative ? undefined : 'img'}
      aria-label={decorative ? undefined : label}
      title={decorative ? undefined : label}
    >
      {initialsOf(name)}
    </span>
  )
}
