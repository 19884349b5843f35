import { useEffect, useRef } from 'react'
import { BarChart, type BarChartData, type BarChartOptions } from 'chartist'
import 'chartist/dist/index.css'

/**
 * One Chartist bar chart (SVG, ~8 KB gzipped: chosen over canvas libraries of 60+ KB for two
 * small charts) in a React box. The figures it draws are also in the tables beside it, so the
 * chart is hidden from screen readers and the caption says what it shows.
 */
export function BarChartView({
  data,
  options,
  caption,
  testId,
  height,
}: {
  data: BarChartData
  options: BarChartOptions
  caption: string
  testId: string
  height: number
}) {
  const box = useRef<HTMLDivElement>(null)
  const chart = useRef<BarChart | null>(null)
  const latest = JSON.stringify({ data, options })

  // biome-ignore lint/correctness/useExhaustiveDependencies: `latest` is data and options serialised: redrawn only when the figures really change
  useEffect(() => {
    if (!box.current) return
    chart.current = new BarChart(box.current, data, { height: `${height}px`, ...options })
    return () => {
      chart.current?.detach()
      chart.current = null
    }
    // Redrawn when the figures change (a participant still editing, a trainer's key edit).
  }, [latest, height])

  return (
    <figure className="bar-chart" data-testid={testId}>
      <div ref={box} className="bar-chart__box" aria-hidden="true" />
      <figcaption className="bar-chart__caption">{caption}</figcaption>
    </figure>
  )
}
