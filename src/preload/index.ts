import { contextBridge, ipcRenderer } from 'electron'
import { exposeWorkstationBridge } from './bridge'

// Sandboxed preload: runs before the page, exposes `window.workstation` and nothing else.
exposeWorkstationBridge({ contextBridge, ipcRenderer })
