import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkTree, clientLayering, problemCount, serverLayering } from './check-imports'

const roots: string[] = []

/** A throw-away source tree: path → contents. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'check-imports-'))
  roots.push(root)
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

describe('check-imports', () => {
  it('passes a tree that only imports downwards', () => {
    const root = tree({
      'ui/Field.tsx': 'export const Field = 1\n',
      'ui/theme.css': '.a{}\n',
      'api/api.ts': "import { Field } from '../ui/Field'\nexport const api = Field\n",
      'live/socket.ts': "import type { api } from '../api/api'\nexport const socket = 2\n",
      'article/claims/Card.tsx': "import { socket } from '../../live/socket'\nexport const Card = socket\n",
      'article/editor/Editor.tsx': "import { Card } from '../claims/Card'\nexport const Editor = Card\n",
      'app/App.tsx':
        "// import { nothing } from '../main'\nimport { Editor } from '../article/editor/Editor'\nimport '../ui/theme.css'\nexport const App = () => import('../live/socket')\n",
      'main.tsx': "import { App } from './app/App'\nvoid App\n",
    })
    const report = checkTree(root, clientLayering)
    expect(report).toMatchObject({
      cycles: [],
      partCycles: [],
      upward: [],
      sideways: [],
      unlayered: [],
      unresolved: [],
    })
    expect(problemCount(report)).toBe(0)
  })

  it('reports a cycle between files, with the circle', () => {
    const root = tree({
      'ui/a.ts': "import { b } from './b'\nexport const a = 1\n",
      'ui/b.ts': "export { a as b } from './a'\n",
    })
    const report = checkTree(root, clientLayering)
    expect(report.cycles).toEqual(['ui/a.ts -> ui/b.ts -> ui/a.ts'])
    expect(problemCount(report)).toBe(1)
  })

  it('reports an upward import and an import between features', () => {
    const root = tree({
      'ui/Dialog.tsx': "import { App } from '../app/App'\nexport const Dialog = App\n",
      'app/App.tsx': 'export const App = 1\n',
      'members/Page.tsx': "import { Card } from '../article/claims/Card'\nexport const Page = Card\n",
      'article/claims/Card.tsx': 'export const Card = 1\n',
    })
    const report = checkTree(root, clientLayering)
    expect(report.upward).toEqual(['ui/Dialog.tsx -> app/App.tsx   (ui may not import app)'])
    expect(report.sideways).toEqual([
      'members/Page.tsx -> article/claims/Card.tsx   (feature members may not import feature article)',
    ])
  })

  it('reports a circle between the parts of the article wing, though no file cycle', () => {
    const root = tree({
      'article/editor/Editor.tsx': "import { Card } from '../claims/Card'\nexport const Editor = Card\n",
      'article/editor/icon.ts': 'export const icon = 1\n',
      'article/claims/Card.tsx': "import { icon } from '../editor/icon'\nexport const Card = icon\n",
    })
    const report = checkTree(root, clientLayering)
    expect(report.cycles).toEqual([])
    expect(report.partCycles).toEqual(['article/claims -> article/editor -> article/claims'])
  })

  it('follows the server layer order, with .js specifiers', () => {
    const root = tree({
      'storage/db.ts': "import { route } from '../routes/api.js'\nexport const db = route\n",
      'routes/api.ts': "import { log } from '../log.js'\nexport const route = log\n",
      'log.ts': 'export const log = 1\n',
      'elsewhere/x.ts': 'export const x = 1\n',
    })
    const report = checkTree(root, serverLayering)
    expect(report.upward).toEqual(['storage/db.ts -> routes/api.ts   (storage may not import routes)'])
    expect(report.unlayered).toEqual(['elsewhere/x.ts'])
  })

  it("lets the api wing import the server's route types, and nothing else of the server", () => {
    const root = tree({
      'api/api.ts': "import type { ApiRoutes } from '@fc/server/src/routes/api'\nexport type A = ApiRoutes\n",
      'api/named.ts': "import { type ApiRoutes } from '@fc/server/src/routes/api'\nexport type B = ApiRoutes\n",
      'api/code.ts': "import { apiRoutes } from '@fc/server/src/routes/api'\nexport const c = apiRoutes\n",
      'app/App.tsx': "import type { ApiRoutes } from '@fc/server/src/routes/api'\nexport type D = ApiRoutes\n",
      'app/reexport.ts': "export { buildApp } from '@fc/server'\n",
    })
    const report = checkTree(root, clientLayering)
    expect(report.crossPackage).toEqual([
      "api/code.ts -> @fc/server/src/routes/api   (only `import type`: the server's route types are read by the api wing only)",
      "app/App.tsx -> @fc/server/src/routes/api   (not from here: the server's route types are read by the api wing only)",
      "app/reexport.ts -> @fc/server   (only `import type`: the server's route types are read by the api wing only)",
    ])
    expect(problemCount(report)).toBe(3)
  })
})
