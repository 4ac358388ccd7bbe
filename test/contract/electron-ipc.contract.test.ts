import { BRIDGE_GLOBAL, type PreloadBridge } from '../../src/shared/contract/bridge'
import { registerIpcTransport } from '../../src/main/shell/ipc-transport'
import { isAppUrl, type RendererEntry } from '../../src/main/shell/renderer-entry'
import { createSenderGuard } from '../../src/main/shell/sender-guard'
import { exposeWorkstationBridge } from '../../src/preload/bridge'
import { createFakeContextBridge, FakeIpcMain, FakeIpcRenderer, FakeWebContents } from '../support/fake-electron'
import { defineContractSuite } from './contract-suite'

// The real main-side transport and the real preload, joined by the fake IPC;
// the suite talks to what the page would see: `window.workstation`.
defineContractSuite('Electron IPC', {
  shell: 'electron',
  async connect(kernel) {
    const entry: RendererEntry = { kind: 'file', file: '/opt/workstation/out/renderer/index.html' }
    const contents = new FakeWebContents('file:///opt/workstation/out/renderer/index.html')
    const ipcMain = new FakeIpcMain()
    const dispose = registerIpcTransport({
      ipcMain,
      workstation: kernel.workstation,
      logger: kernel.logger,
      checkSender: createSenderGuard({ mainContents: () => contents, isAppUrl: (url) => isAppUrl(entry, url) }),
    })
    const page = createFakeContextBridge()
    exposeWorkstationBridge({ contextBridge: page.contextBridge, ipcRenderer: new FakeIpcRenderer(ipcMain, contents) })
    return {
      raw: page.window[BRIDGE_GLOBAL] as PreloadBridge,
      close: async () => {
        contents.destroy()
        dispose()
      },
    }
  },
})
