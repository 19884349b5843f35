// The one place the browser talks HTTP to our server. Every call resolves to typed data
// or throws an ApiError carrying the server's `{error}` message, so screens can show
// exactly what went wrong instead of a generic failure.

export interface DemoArticle {
  docId: string
  title: string
}

export interface Health {
  ok: true
}

export class ApiError extends Error {
  /** HTTP status, or 0 when the server could not be reached at all. */
  readonly status: number

  constructor(message: string, status: number) {
    super(message)
    this.name = 'ApiError'
    this.status = status
  }

  get unreachable(): boolean {
    return this.status === 0
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      credentials: 'same-origin',
      ...init,
      headers: { Accept: 'application/json', ...init?.headers },
    })
  } catch {
    // fetch only rejects when no HTTP answer arrived (server down, network gone).
    throw new ApiError('The server cannot be reached. Check your connection and try again.', 0)
  }
  const body: unknown = await readJson(response)
  if (!response.ok) {
    throw new ApiError(errorMessage(body) ?? `Request failed (${response.status})`, response.status)
  }
  return body as T
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text()
  if (text === '') return null
  try {
    return JSON.parse(text)
  } catch {
    // A proxy or a half-started server may answer with HTML; keep the status meaningful.
    return null
  }
}

function errorMessage(body: unknown): string | undefined {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const { error } = body as { error: unknown }
    if (typeof error === 'string' && error !== '') return error
  }
  return undefined
}

export const api = {
  health: () => request<Health>('/api/health'),
  demoArticle: () => request<DemoArticle>('/api/demo'),
}
