/** The record without `key`, or the same record when it had none (so selectors see no change). */
export function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record
  const { [key]: _dropped, ...rest } = record
  return rest
}
