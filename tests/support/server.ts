import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { Role } from "~src/domain"
import { type StartOptions, startServer } from "~server/start"

export interface TestServer {
  url: string
  dbPath: string
  /** Issues a token for `role` (name defaults to e.g. "reviewer-3"). */
  token(role: Role, name?: string): Promise<string>
  close(): Promise<void>
}

let tokenCounter = 0

/**
 * The real server, in-process on 127.0.0.1 with a free port, on a temporary SQLite file that is
 * deleted on close (unless `dbPath` was given, so a test can reopen the same database).
 */
export async function startTestServer(
  opts: { dbPath?: string } & Pick<StartOptions, "now" | "expirySweepMs"> = {}
): Promise<TestServer> {
  const tempDir = opts.dbPath ? undefined : mkdtempSync(join(tmpdir(), "signoff-test-"))
  const dbPath = opts.dbPath ?? join(tempDir!, "signoff.sqlite")
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    db: dbPath,
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.expirySweepMs ? { expirySweepMs: opts.expirySweepMs } : {})
  })
  return {
    url: server.url,
    dbPath,
    token: (role, name) => server.createToken(role, name ?? `${role}-${++tokenCounter}`),
    close: async () => {
      await server.close()
      if (tempDir) rmSync(tempDir, { recursive: true, force: true })
    }
  }
}
