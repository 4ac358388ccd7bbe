/**
 * The one Content-Security-Policy the UI runs under, sent by the headless
 * server and added by the Electron session alike. The renderer reaches the
 * kernel only through its own origin (WebSocket) or the preload (IPC).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ')
