/** A bounded set of recently seen ids: remembers the last `capacity`, forgets the oldest. */
export class RecentIds {
  private readonly ids = new Set<string>()

  constructor(private readonly capacity: number) {}

  /** Adds `id`; false when it was already there. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false
    this.ids.add(id)
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next().value
      if (oldest !== undefined) this.ids.delete(oldest)
    }
    return true
  }

  has(id: string): boolean {
    return this.ids.has(id)
  }
}
