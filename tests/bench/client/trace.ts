import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'

/**
 * `--trace=dir`: a Chromium performance trace (the DevTools timeline's categories) of the
 * measured window while the keys are typed, one `.json` per scenario; DevTools' Performance
 * panel opens it, `node bench/client/trace-summary.ts` sums the main thread's time by event
 * (style, layout, paint, scripts…), which a CPU profile lumps together as "(program)".
 * Tracing slows the page: numbers of a traced run are not the benchmark's.
 */
export async function startTrace(page: Page): Promise<{ stop(file: string): Promise<void> }> {
  const cdp = await page.context().newCDPSession(page)
  const events: unknown[] = []
  cdp.on('Tracing.dataCollected', (data: { value: unknown[] }) => events.push(...data.value))
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing',
    transferMode: 'ReportEvents',
  })
  return {
    async stop(file) {
      const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()))
      await cdp.send('Tracing.end')
      await done
      mkdirSync(path.dirname(file), { recursive: true })
      writeFileSync(file, JSON.stringify({ traceEvents: events }))
      await cdp.detach()
    },
  }
}
