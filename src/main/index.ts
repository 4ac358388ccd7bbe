// Electron entry; filled in by the Electron shell work.
export {}
