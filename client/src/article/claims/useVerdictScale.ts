import { useEffect, useState } from 'react'
import { DEFAULT_VERDICT_SCALE, type VerdictScale } from '@fc/shared/schema/index'
import { fetchVerdictScale, fetchWorkshopVerdictScale } from '../../api/claims'

/** The workspace's verdict labels; the default scale meanwhile and if they cannot be had. */
export function useVerdictScale(workspaceId: string): VerdictScale {
  return useScaleFrom(fetchVerdictScale, workspaceId)
}

/** The labels of a workshop's workspace, as its participants (guests) may read them. */
export function useWorkshopVerdictScale(workshopId: string): VerdictScale {
  return useScaleFrom(fetchWorkshopVerdictScale, workshopId)
}

function useScaleFrom(fetchScale: (id: string) => Promise<VerdictScale>, key: string): VerdictScale {
  const [scale, setScale] = useState<VerdictScale>(DEFAULT_VERDICT_SCALE)
  useEffect(() => {
    let cancelled = false
    fetchScale(key).then(
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
  }, [fetchScale, key])
  return scale
}
