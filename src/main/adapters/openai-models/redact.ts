/** Longest server text we carry into an error message; bodies can be whole HTML error pages. */
const MAX_DETAIL_CHARS = 300

/**
 * Strips anything key-like from a text that came back from a server or the
 * SDK. Some APIs echo the key they refused ("Incorrect API key provided:
 * sk-…"), and an error message travels to logs, the decision record and the
 * screen; the key must reach none of them.
 */
export function redactKey(text: string, apiKey: string | null): string {
  let clean = text
  if (apiKey && apiKey.length >= 4) clean = clean.split(apiKey).join('[redacted]')
  clean = clean
    .replace(/Bearer\s+\S+/gi, 'Bearer [redacted]')
    .replace(/\bsk-[A-Za-z0-9_*.-]{6,}/g, 'sk-[redacted]')
    .replace(/(api[_-]?key["'=:\s]+)([^\s"',&]+)/gi, '$1[redacted]')
  return clean.length > MAX_DETAIL_CHARS ? `${clean.slice(0, MAX_DETAIL_CHARS)}…` : clean
}
