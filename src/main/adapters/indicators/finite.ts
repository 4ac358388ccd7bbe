/** A library result kept only when it is a finite number: the snapshot never carries NaN or Infinity. */
export function finiteOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/** An object of numbers kept only when every field is finite. */
export function allFiniteOrNull<T extends Record<string, number>>(value: T | null | undefined): T | null {
  if (!value) return null
  return Object.values(value).every((field) => Number.isFinite(field)) ? value : null
}
