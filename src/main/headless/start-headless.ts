import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { APP_VERSION } from '../composition/app-version'
import { createProfilePorts } from '../composition/profile-ports'
import { createWorkstation, type Workstation } from '../core/workstation'
import { startHeadlessServer, type HeadlessServer } from './headless-server'
import type { HeadlessArgs } from './cli-args'
import { createStdioApprover } from './terminal-approver'

export interface RunningHeadless {
  workstation: Workstation
  server: HeadlessServer
  stop(): Promise<void>
}

/** Builds the real ports, the kernel and the server: what `npm run serve` runs. */
export async function startHeadless(args: HeadlessArgs & { token?: string }): Promise<RunningHeadless> {
  if (!existsSync(join(args.rendererDir, 'index.html'))) {
    throw new Error(`No built renderer at ${args.rendererDir}; run \`npm run build\` first`)
  }
  const ports = createProfilePorts(args.dataDir, { venues: args.venues, endpoints: args.endpoints }, { resourcesDir: args.resourcesDir, modelEndpoints: args.modelEndpoints, autostart: args.pilots })
  // Second approvals as a code printed on this terminal and typed back here: out of reach of the browser.
  const approver = createStdioApprover(ports.clock)
  const workstation = createWorkstation({ version: APP_VERSION, shell: 'headless', dataDir: args.dataDir }, { ...ports, approver })
  let server: HeadlessServer
  try {
    server = await startHeadlessServer({ workstation, logger: ports.logger, rendererDir: args.rendererDir, port: args.port, ...(args.token ? { token: args.token } : {}) })
  } catch (error) {
    approver.close()
    await workstation.shutdown()
    throw error
  }
  return {
    workstation,
    server,
    stop: async () => {
      await server.close()
      approver.close()
      await workstation.shutdown()
    },
  }
}
