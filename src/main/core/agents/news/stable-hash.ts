/**
 * A short, stable, non-cryptographic fingerprint (two 32-bit FNV-1a lanes,
 * 16 hex digits). Used only to name items that arrive without a usable id;
 * the kernel may not import node:crypto, and nothing here needs secrecy.
 */
export function stableHash(text: string): string {
  let a = 0x811c9dc5
  let b = 0x01000193 ^ 0x9e3779b9
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    a = Math.imul(a ^ unit, 0x01000193)
    b = Math.imul(b ^ unit, 0x01000193) ^ (a >>> 15)
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0')
}
