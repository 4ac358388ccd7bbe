import type { LogLevel } from '../../shared/domain/settings'

export type LogFields = Record<string, unknown>

/** Structured logger; adapters redact secrets before anything reaches a file. */
export interface Logger {
  trace(msg: string, fields?: LogFields): void
  debug(msg: string, fields?: LogFields): void
  info(msg: string, fields?: LogFields): void
  warn(msg: string, fields?: LogFields): void
  error(msg: string, fields?: LogFields): void
  fatal(msg: string, fields?: LogFields): void
  child(bindings: LogFields): Logger
  setLevel(level: LogLevel): void
  /** Writes out buffered lines; called on shutdown. */
  flush(): Promise<void>
}
