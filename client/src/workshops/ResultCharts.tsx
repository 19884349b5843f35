import { findVerdict, VERDICT_IDS, type VerdictScale } from '@fc/shared/schema/index'
import type { WorkshopResults } from '../api/workshops'
import { BarChartView } from './BarChartView'

const ROW_PX = 30

/** Scores per participant (F1, with precision and recall), and how each key claim's verdicts split. */
export function ResultCharts({ results, scale }: { results: WorkshopResults; scale: VerdictScale }) {
  const rows = results.participants
  const perKey = results.perKeyClaim ?? []
  if (rows.length === 0) return null
  const used = VERDICT_IDS.filter((v) => perKey.some((k) => (k.verdicts[v] ?? 0) > 0))
  return (
    <div className="result-charts">
      <BarChartView
        testId="chart-scores"
        caption="F1 per participant (0–100%): finding the key's claims and only those."
        height={Math.max(120, rows.length * ROW_PX + 40)}
        data={{ labels: rows.map((r) => r.name), series: [rows.map((r) => Math.round(r.f1 * 100))] }}
        options={{
          horizontalBars: true,
          reverseData: true,
          low: 0,
          high: 100,
          axisX: { onlyInteger: true, labelInterpolationFnc: (v: unknown) => `${String(v)}%` },
          axisY: { offset: 110 },
          // Room for the last axis label ("100%") past the plot's right edge.
          chartPadding: { right: 36 },
        }}
      />
      {perKey.length > 0 && (
        <BarChartView
          testId="chart-agreement"
          caption={`Verdicts per key claim, by how many gave each (${used.map((v) => findVerdict(scale, v).label).join(', ') || 'none yet'}).`}
          height={Math.max(120, perKey.length * ROW_PX + 40)}
          data={{
            labels: perKey.map((k) => `#${k.keyIndex + 1}`),
            series: used.map((v) => ({
              name: v,
              className: `ct-verdict ct-verdict--${v}`,
              data: perKey.map((k) => k.verdicts[v] ?? 0),
            })),
          }}
          options={{
            horizontalBars: true,
            reverseData: true,
            stackBars: true,
            low: 0,
            axisX: { onlyInteger: true },
            axisY: { offset: 40 },
            chartPadding: { right: 24 },
          }}
        />
      )}
      {used.length > 0 && (
        <ul className="chart-legend" aria-hidden="true">
          {used.map((v) => (
            <li key={v}>
              <span className={`chart-legend__swatch ct-verdict--${v}`} />
              {findVerdict(scale, v).label}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
