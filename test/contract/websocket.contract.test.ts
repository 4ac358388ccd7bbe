import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startHeadlessServer } from '../../src/main/headless/headless-server'
import { createWebSocketTransport } from '../../src/renderer/src/api/websocket-transport'
import { defineContractSuite, until } from './contract-suite'

defineContractSuite('the headless WebSocket', {
  shell: 'headless',
  async connect(kernel) {
    const rendererDir = join(kernel.workstation.info.dataDir, 'renderer')
    mkdirSync(rendererDir, { recursive: true })
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>test</title>')
    const server = await startHeadlessServer({ workstation: kernel.workstation, logger: kernel.logger, rendererDir, port: 0 })
    // The renderer's own transport, on Node's built-in WebSocket client.
    const transport = createWebSocketTransport(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`)
    let state = ''
    transport.onStateChange((s) => (state = s))
    await until(() => state === 'open')
    return {
      raw: transport,
      close: async () => {
        transport.close()
        await server.close()
      },
    }
  },
})
