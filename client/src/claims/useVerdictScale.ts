import { useEffect, useState } from 'react'
import { DEFAULT_VERDICT_SCALE, type VerdictScale } from '@fc/shared/schema/index'
import { fetchVerdictScale } from '../api-claims'

/** The workspace's verdict labels; the default scale meanwhile and if they cannot be had. */
export function useVerdictScale(workspaceId: string): VerdictScale {
  const [scale, setScale] = useState<VerdictScale>(DEFAULT_VERDICT_SCALE)
  useEffect(() => {
    let cancelled = false
    fetchVerdictScale(workspaceId).then(
      (loaded) => {
        if (!cancelled) setScale(loaded)
      },
      () => {
        // Labels are a nicety: the default ones are right for every verdict id.
      },
    )
    return () => {
      cancelled = true
    }
  }, [workspaceId])
  return scale
}
