import { createHash } from 'node:crypto'

/** A stable id for an item that carries none (no guid, id or link): the same headline at the same time is the same item. */
export function fallbackNewsId(title: string, published: string): string {
  return `sha256:${createHash('sha256').update(`${title}\n${published}`).digest('hex').slice(0, 32)}`
}
