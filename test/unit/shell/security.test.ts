import { describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../../src/main/adapters/logging/memory-logger'
import { CONTENT_SECURITY_POLICY, hardenSession, secureWebPreferences } from '../../../src/main/shell/security'
import { FakeSession } from '../../support/fake-electron'

describe('secure web preferences', () => {
  it('isolate and sandbox the renderer, with no Node, no webview and web security on', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs')).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
  })
})

describe('session hardening', () => {
  const hardened = (): { session: FakeSession; logger: ReturnType<typeof createMemoryLogger> } => {
    const session = new FakeSession()
    const logger = createMemoryLogger()
    hardenSession(session, logger)
    return { session, logger }
  }

  it('uses a strict policy: own scripts only, no plugins, no eval', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'")
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
  })

  it('adds the CSP header to every response, keeping the other headers', async () => {
    const { session } = hardened()
    const headers = await session.respond({ url: 'http://localhost:5173/', responseHeaders: { 'Content-Type': ['text/html'] } })
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] })
    expect(await session.respond({ url: 'http://localhost:5173/x.js' })).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] })
  })

  it('adds to a policy the server sent instead of replacing it, whatever its spelling', async () => {
    const { session } = hardened()
    const headers = await session.respond({ url: 'http://localhost:5173/', responseHeaders: { 'content-security-policy': ["default-src 'none'"] } })
    expect(headers).toEqual({ 'content-security-policy': ["default-src 'none'", CONTENT_SECURITY_POLICY] })
  })

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])('denies the %s permission request and logs it', async (permission) => {
    const { session, logger } = hardened()
    await expect(session.requestPermission(permission)).resolves.toBe(false)
    expect(logger.records).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'denied a permission request', fields: expect.objectContaining({ permission }) }))
  })

  it('answers every permission check with no', () => {
    const { session } = hardened()
    expect(session.checkPermission('media', 'file://')).toBe(false)
    expect(session.checkPermission('clipboard-sanitized-write', 'http://localhost:5173')).toBe(false)
  })
})
