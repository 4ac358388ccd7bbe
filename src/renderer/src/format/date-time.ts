const pad = (n: number): string => String(n).padStart(2, '0')

/**
 * Local time as `YYYY-MM-DD HH:mm:ss`, the same in every UI language: traders
 * compare timestamps across logs and venues, where locale formats only confuse.
 */
export function formatDateTime(epochMs: number): string {
  const d = new Date(epochMs)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}
