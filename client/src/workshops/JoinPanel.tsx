import { useEffect, useState } from 'react'
import { CopyField } from '../ui/CopyField'
import { Dialog } from '../ui/Dialog'
import { joinPath } from '../ui/router'
import { TimeLeft } from './Countdown'
import { spacedJoinCode } from './guestMemory'
import { JoinQrCode } from './JoinQrCode'

export function joinLink(code: string): string {
  return `${location.origin}${joinPath(code)}`
}

/** How a room gets in: the code large enough to read off a projector, the link to send, and a full-screen view. */
export function JoinPanel({ code, title, endsAt }: { code: string; title: string; endsAt: string | null }) {
  const [projecting, setProjecting] = useState(false)
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null)
  const where = `${location.host}${joinPath()}`

  useEffect(() => {
    if (copied === null) return
    const timer = window.setTimeout(() => setCopied(null), 2500)
    return () => window.clearTimeout(timer)
  }, [copied])

  const copyCode = async () => {
    try {
      await navigator.clipboard.writeText(code)
      setCopied('yes')
    } catch {
      setCopied('failed')
    }
  }

  return (
    <section className="join-panel" aria-labelledby="join-heading" data-testid="join-panel">
      <div className="join-panel__code-block">
        <h2 id="join-heading" className="panel-heading">
          Join code
        </h2>
        <p className="join-panel__code" data-testid="join-code" data-code={code}>
          <span className="visually-hidden">{code.split('').join(' ')}</span>
          <span aria-hidden="true">{spacedJoinCode(code)}</span>
        </p>
        <p className="join-panel__where">
          Participants open <strong className="join-panel__url">{where}</strong>, type the code and their name. No
          account needed.
        </p>
      </div>
      <div className="join-panel__qr">
        <JoinQrCode link={joinLink(code)} size={168} />
        <p className="join-panel__qr-hint">Or scan: the phone opens the join page with the code filled in.</p>
      </div>
      <div className="join-panel__share">
        <CopyField label="Join link (the code is filled in)" value={joinLink(code)} testId="join-link" />
        <div className="join-panel__actions">
          <button type="button" className="button button--quiet button--small" onClick={() => void copyCode()}>
            {copied === 'yes' ? 'Code copied' : 'Copy code'}
          </button>
          <button
            type="button"
            className="button button--primary button--small"
            onClick={() => setProjecting(true)}
            data-testid="project-code"
          >
            Show for projector
          </button>
        </div>
        <p className="copy-field__status" role="status">
          {copied === 'failed' ? 'Copying is blocked here: select the code and press Ctrl+C (⌘C).' : ''}
        </p>
      </div>
      {projecting && (
        <Dialog title={title} onClose={() => setProjecting(false)} size="full" testId="projector">
          <div className="projector">
            <div className="projector__columns">
              <div>
                <p className="projector__step">
                  Go to <strong>{where}</strong>
                </p>
                <p className="projector__step">and type the code</p>
                <p className="projector__code">{spacedJoinCode(code)}</p>
              </div>
              <div className="projector__qr">
                <JoinQrCode link={joinLink(code)} size={280} testId="projector-qr" />
                <p className="projector__step projector__step--small">or scan with your phone</p>
              </div>
            </div>
            <TimeLeft endsAt={endsAt} testId="projector-time-left" />
            <button type="button" className="button button--quiet" onClick={() => setProjecting(false)} autoFocus>
              Close <kbd className="projector__kbd">Esc</kbd>
            </button>
          </div>
        </Dialog>
      )}
    </section>
  )
}
