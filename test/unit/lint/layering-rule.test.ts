import { ESLint } from 'eslint'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../../..')
const eslint = new ESLint({ cwd: root })

/** Lints one line of code as if it lived at `file`, returning the layering messages. */
async function layeringErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {}\n`, { filePath: resolve(root, file) })
  return result!.messages.filter((m) => m.ruleId === 'local/layering').map((m) => m.message)
}

describe('the layering lint rule (ARCHITECTURE.md dependency rules)', () => {
  it.each([
    ['src/main/core/risk/x.ts', "import Database from 'better-sqlite3'", 'must not import the package better-sqlite3'],
    ['src/main/core/risk/x.ts', "import { app } from 'electron'", 'must not import the package electron'],
    ['src/main/core/risk/x.ts', "import { createServer } from 'node:http'", 'must not import Node built-ins'],
    ['src/main/core/risk/x.ts', "import { openDatabase } from '../../adapters/sqlite/open-database'", 'core may import only core, ports, shared'],
    ['src/shared/domain/x.ts', "import React from 'react'", 'must not import the package react'],
    ['src/shared/domain/x.ts', "import { createWorkstation } from '../../main/core/workstation'", 'shared may import only shared'],
    ['src/main/adapters/sqlite/x.ts', "import { redact } from '../logging/redact'", 'an adapter must not import another adapter'],
    ['src/main/adapters/sqlite/x.ts', "import { createEventBus } from '../../core/bus/event-bus'", 'adapters may import only'],
    ['src/main/adapters/sqlite/x.ts', "import { app } from 'electron'", 'must not import electron'],
    ['src/main/headless/x.ts', "import { app } from 'electron'", 'must not import the package electron'],
    ['src/renderer/src/x.ts', "import { readFileSync } from 'node:fs'", 'must not import Node built-ins'],
    ['src/renderer/src/x.ts', "import { ipcRenderer } from 'electron'", 'must not import electron'],
    ['src/renderer/src/x.ts', "import { createWorkstation } from '../../main/core/workstation'", 'renderer may import only renderer, shared'],
    ['src/main/core/x.ts', "import { createTestKernel } from '../../../test/support/test-kernel'", 'must not import test code'],
    ['src/main/core/x.ts', "export * from '../adapters/sqlite/open-database'", 'core may import only'],
  ])('%s: %s is refused', async (file, code, reason) => {
    const errors = await layeringErrors(file, code)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(reason)
  })

  it.each([
    ['src/main/core/x.ts', "import { z } from 'zod'"],
    ['src/main/core/x.ts', "import type { Clock } from '../ports/clock'"],
    ['src/main/adapters/sqlite/x.ts', "import Database from 'better-sqlite3'"],
    ['src/main/adapters/sqlite/x.ts', "import type { AuditLog } from '../../ports/store'"],
    ['src/main/shell/x.ts', "import { app } from 'electron'"],
    ['src/preload/x.ts', "import { contextBridge } from 'electron'"],
    ['src/renderer/src/x.ts', "import { create } from 'zustand'"],
    ['src/renderer/src/x.ts', "import { commands } from '../../shared/contract/channels'"],
    ['test/unit/x.ts', "import Database from 'better-sqlite3'"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([])
  })
})
