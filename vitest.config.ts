import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'shared/src/**/*.test.ts',
            'server/src/**/*.test.ts',
            'client/src/**/*.test.ts',
            'tests/tools/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          // Each file starts real server processes; two cores, so keep the fan-out modest.
          maxWorkers: 2,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'soak',
          include: ['tests/soak/**/*.test.ts'],
          // One file at a time: each measures a server's latency and memory, which a
          // neighbour's load would distort. Timeouts are set per test from the run's size.
          fileParallelism: false,
          maxWorkers: 1,
          hookTimeout: 120_000,
          // Under CI a failed proof runs once more: its health and latency bounds are wall-clock
          // figures on a shared two-core machine. A close code or data check that fails twice fails.
          retry: process.env.CI ? 1 : 0,
        },
      },
    ],
  },
})
