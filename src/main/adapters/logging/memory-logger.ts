import type { LogLevel } from '../../../shared/domain/settings'
import type { LogFields, Logger } from '../../ports/logger'
import { redact, redactText } from './redact'

export interface LogRecord {
  level: LogLevel
  msg: string
  fields: LogFields | undefined
}

const ORDER: LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal']

/** Keeps records in memory, redacted like the file logger; for tests and benchmarks. */
export function createMemoryLogger(level: LogLevel = 'info'): Logger & { records: LogRecord[] } {
  const records: LogRecord[] = []
  let threshold = ORDER.indexOf(level)
  const make = (bindings: LogFields): Logger & { records: LogRecord[] } => {
    const write = (at: LogLevel) => (msg: string, fields?: LogFields) => {
      if (ORDER.indexOf(at) < threshold) return
      records.push({ level: at, msg: redactText(msg), fields: redact({ ...bindings, ...fields }) as LogFields })
    }
    return {
      records,
      trace: write('trace'),
      debug: write('debug'),
      info: write('info'),
      warn: write('warn'),
      error: write('error'),
      fatal: write('fatal'),
      child: (more) => make({ ...bindings, ...more }),
      setLevel: (next) => {
        threshold = ORDER.indexOf(next)
      },
      flush: async () => {},
    }
  }
  return make({})
}
