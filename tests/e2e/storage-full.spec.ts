import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { freePort } from '../integration/support/ports'
import { expect, test } from './fixtures'

/**
 * A full disk on the server, seen from the article screen: editing pauses with its own notice
 * (not a "your role changed" alert), the text stops taking input, and both come back by
 * themselves when space returns. The server gets a data directory on a 6 MB tmpfs of its own.
 */
const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const disk = '/tmp/fc-e2e-small-disk'
const filler = `${disk}/filler`

function mountSmallDisk(): boolean {
  try {
    mkdirSync(disk, { recursive: true })
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', disk], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

let server: ChildProcess | undefined
let base = ''
let mounted = false

test.describe('storage full', () => {
  test.beforeAll(async () => {
    mounted = mountSmallDisk()
    if (!mounted) {
      console.warn('[e2e] storage-full test SKIPPED: cannot mount a tmpfs here (needs root).')
      return
    }
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: `${disk}/data`,
      STORAGE_RETRY_MS: '300',
    }
    delete env.DATABASE_URL
    delete env.REDIS_URL
    // The compiled server global setup built.
    server = spawn(process.execPath, ['--conditions=fc-dist', 'server/dist/main.js'], {
      cwd: repoRoot,
      env,
      stdio: 'ignore',
    })
    await expect
      .poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status, { timeout: 30_000 })
      .toBe(200)
  })

  test.afterAll(async () => {
    if (!mounted) return
    server?.kill('SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 500))
    if (existsSync(filler)) rmSync(filler)
    try {
      execFileSync('umount', ['-l', disk], { stdio: 'ignore' })
    } catch {}
  })

  test('pauses editing with its own notice and resumes when space returns', async ({ page }) => {
    test.skip(!mounted, 'needs a tmpfs mount (root)')
    const signup = await page.request.post(`${base}/api/auth/signup`, {
      data: { email: 'full-disk@desk.example', password: 'correct horse battery', name: 'Fay' },
      headers: { origin: base },
    })
    expect(signup.status()).toBe(201)
    const workspaces = await (await page.request.get(`${base}/api/workspaces`)).json()
    const workspaceId = (workspaces.workspaces ?? workspaces)[0].id
    const articles = await (await page.request.get(`${base}/api/workspaces/${workspaceId}/articles`)).json()
    const article = (articles.articles ?? articles)[0]
    await page.goto(`${base}/a/${article.id}`)
    const text = page.locator('.ProseMirror')
    await expect(text).toHaveAttribute('contenteditable', 'true')

    execFileSync('sh', ['-c', `dd if=/dev/zero of=${filler} bs=1M count=16 2>/dev/null || true`])
    await text.locator('p').first().click()
    // Enough text that its commit needs new pages on the full disk.
    const notice = page.getByTestId('storage-full-notice')
    for (let i = 0; i < 8 && !(await notice.isVisible()); i++) {
      await page.keyboard.insertText('Words typed while the disk is full. '.repeat(3000))
      await page.waitForTimeout(400)
    }
    await expect(notice).toBeVisible()
    await expect(notice).toContainText('editing is paused')
    await expect(page.getByTestId('role-notice')).toHaveCount(0)
    await expect(text).toHaveAttribute('contenteditable', 'false')
    expect((await page.request.get(`${base}/api/health`)).status()).toBe(503)

    rmSync(filler)
    await expect(notice).toHaveCount(0, { timeout: 15_000 })
    await expect(text).toHaveAttribute('contenteditable', 'true')
    expect((await page.request.get(`${base}/api/health`)).status()).toBe(200)
    await expect(page.getByTestId('role-notice')).toHaveCount(0)
  })
})
