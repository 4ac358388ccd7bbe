/** Listeners of one kind of event; one failing listener never keeps the event from the others. */
export interface EventHub<T> {
  add(listener: (event: T) => void): () => void
  dispatch(event: T): void
  clear(): void
}

export function createEventHub<T>(onListenerError: (error: unknown) => void): EventHub<T> {
  const listeners = new Set<(event: T) => void>()
  return {
    add(listener) {
      // Wrapped so the same function added twice is called twice and removed once per handle.
      const entry = (event: T): void => listener(event)
      listeners.add(entry)
      return () => void listeners.delete(entry)
    },
    dispatch(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event)
        } catch (error) {
          onListenerError(error)
        }
      }
    },
    clear: () => listeners.clear(),
  }
}
