import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'

/**
 * `--profile=dir`: the measured window's main thread under the V8 sampling profiler (Chrome
 * DevTools protocol) while the keys are typed; one `.cpuprofile` per scenario, which DevTools'
 * Performance panel or `node bench/client/top-functions.ts` reads. Profiling slows the page:
 * numbers of a profiled run are not the benchmark's.
 */
export async function startProfile(page: Page): Promise<{ stop(file: string): Promise<void> }> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  return {
    async stop(file) {
      const { profile } = await cdp.send('Profiler.stop')
      mkdirSync(path.dirname(file), { recursive: true })
      writeFileSync(file, JSON.stringify(profile))
      await cdp.detach()
    },
  }
}
