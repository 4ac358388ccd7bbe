import { TextDecoder } from 'node:util'

function charsetFromBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  return null
}

function charsetFromContentType(contentType: string | null): string | null {
  return contentType === null ? null : (/;\s*charset\s*=\s*"?([A-Za-z0-9._:-]+)"?/i.exec(contentType)?.[1] ?? null)
}

function charsetFromXmlDeclaration(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 256))
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1] ?? null
}

function decoderFor(label: string | null): TextDecoder {
  if (label !== null) {
    try {
      return new TextDecoder(label)
    } catch {
      // An unknown label is the server's mistake; UTF-8 is what feeds use anyway.
    }
  }
  return new TextDecoder('utf-8')
}

/**
 * Decodes a feed body to text. A byte order mark wins, then the
 * Content-Type charset, then an XML declaration, then UTF-8. Bytes that are
 * invalid in the chosen encoding become U+FFFD rather than failing the feed.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null): string {
  const label = charsetFromBom(bytes) ?? charsetFromContentType(contentType) ?? charsetFromXmlDeclaration(bytes)
  return decoderFor(label).decode(bytes)
}
