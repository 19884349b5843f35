import { CenteredFrame } from '../ui/CenteredFrame'
import { InlineState } from '../ui/InlineState'
import { joinPath, navigate } from '../ui/router'

/**
 * What a participant sees once the trainer deleted the workshop: the copy is gone for
 * good, so say so plainly instead of leaving an editor that can no longer connect.
 */
export function WorkshopDeleted() {
  return (
    <CenteredFrame title="Workshop deleted">
      <div data-testid="workshop-deleted">
        <InlineState
          tone="info"
          title="This workshop was deleted by its trainer"
          action={{ label: 'Join another workshop', onClick: () => navigate(joinPath()) }}
        >
          Your copy and your result were deleted with it. If you were expecting to continue, ask your trainer; to take
          part in another workshop, join with its code.
        </InlineState>
      </div>
    </CenteredFrame>
  )
}
