import { useMemo } from 'react'
import QRCode from 'qrcode'

/**
 * The join link as a QR code (the `qrcode` library computes the modules; drawn here as one SVG
 * path, so it scales crisply to a projector and needs no canvas). A phone camera opens the
 * join page with the code filled in.
 */
export function JoinQrCode({ link, size, testId = 'join-qr' }: { link: string; size: number; testId?: string }) {
  const { path, count } = useMemo(() => {
    const qr = QRCode.create(link, { errorCorrectionLevel: 'M' })
    const n = qr.modules.size
    let d = ''
    for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (qr.modules.get(x, y)) d += `M${x} ${y}h1v1h-1z`
    return { path: d, count: n }
  }, [link])
  const quiet = 2
  const box = count + quiet * 2
  return (
    <svg
      className="join-qr"
      width={size}
      height={size}
      viewBox={`${-quiet} ${-quiet} ${box} ${box}`}
      role="img"
      aria-label={`QR code of the join link ${link}`}
      data-testid={testId}
      data-link={link}
      shapeRendering="crispEdges"
    >
      <rect x={-quiet} y={-quiet} width={box} height={box} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  )
}
