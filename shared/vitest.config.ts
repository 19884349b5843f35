import { defineConfig } from 'vitest/config'

// Lets `vitest run --root shared` run this package alone; the repo root's `unit` project
// includes the same files with no extra settings, so nothing here may be required by a test.
export default defineConfig({ test: { include: ['src/**/*.test.ts'] } })
