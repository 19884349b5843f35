/** Least recently used first out, at most `limit` entries: Map keeps insertion order, a hit re-inserts. */
export class BoundedCache<K, V> {
  readonly #entries = new Map<K, V>()
  constructor(readonly limit: number) {}

  get(key: K): V | undefined {
    const value = this.#entries.get(key)
    if (value === undefined) return undefined
    this.#entries.delete(key)
    this.#entries.set(key, value)
    return value
  }

  set(key: K, value: V): void {
    this.#entries.delete(key)
    this.#entries.set(key, value)
    while (this.#entries.size > this.limit) this.#entries.delete(this.#entries.keys().next().value as K)
  }

  clear(): void {
    this.#entries.clear()
  }
}
