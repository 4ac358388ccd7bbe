import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import pino from 'pino'
import { createStream, type RotatingFileStream } from 'rotating-file-stream'
import type { LogLevel } from '../../../shared/domain/settings'
import type { LogFields, Logger } from '../../ports/logger'
import { redact, redactText } from './redact'

export const LOG_FILE = 'workstation.log'

export interface FileLoggerOptions {
  dataDir: string
  level: LogLevel
  /** Rotate when the file reaches this size (rotating-file-stream notation). */
  maxSize?: string
  maxFiles?: number
}

/**
 * JSON lines to `<dataDir>/logs/workstation.log`, rotated by size, every record
 * passed through the redactor first so no secret reaches the disk.
 */
export function createFileLogger(options: FileLoggerOptions): Logger {
  const dir = join(options.dataDir, 'logs')
  mkdirSync(dir, { recursive: true })
  // Rotated files are numbered (workstation.1.log is the newest) so a trader can find them.
  const name = (time: number | Date | null, index?: number): string => (time ? `workstation.${index ?? 1}.log` : LOG_FILE)
  const stream = createStream(name, { path: dir, size: options.maxSize ?? '10M', maxFiles: options.maxFiles ?? 5, history: '.rotation-history' })
  const root = pino(
    {
      level: options.level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }), log: (record) => redact(record) as Record<string, unknown> },
    },
    stream,
  )
  return wrap(root, stream)
}

function wrap(instance: pino.Logger, stream: RotatingFileStream): Logger {
  const write = (level: pino.Level) => (msg: string, fields?: LogFields) => {
    if (fields) instance[level](fields, redactText(msg))
    else instance[level](redactText(msg))
  }
  return {
    trace: write('trace'),
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    fatal: write('fatal'),
    child: (bindings) => wrap(instance.child(redact(bindings) as LogFields), stream),
    setLevel: (level) => {
      instance.level = level
    },
    flush: () =>
      new Promise<void>((resolve) => {
        if (stream.destroyed || stream.writableEnded) return resolve()
        // An empty write completes only after every earlier write did.
        stream.write('', () => resolve())
      }),
  }
}
