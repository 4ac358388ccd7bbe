import { homedir } from 'node:os'
import { join } from 'node:path'
import { APP_NAME } from './app-version'

/** `$XDG_DATA_HOME/<app>` or `~/.local/share/<app>`: the headless profile when none is given. */
export function defaultHeadlessDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME && env.XDG_DATA_HOME.length > 0 ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share')
  return join(base, APP_NAME)
}
