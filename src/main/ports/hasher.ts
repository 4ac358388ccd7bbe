/**
 * SHA-256 of a UTF-8 string, as lowercase hex. The kernel may not import Node
 * built-ins, so composition passes node:crypto's implementation in; keeping it
 * synchronous lets the approval gate hash without awaiting.
 */
export type Sha256Hex = (text: string) => string
