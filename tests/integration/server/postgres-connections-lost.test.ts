import pg from "pg"
import { afterEach, describe, expect, it } from "vitest"
import { startTestServer, type TestServer } from "~tests/support/server"
import { type LiveClient, openLive } from "~tests/support/live-client"
import { client } from "./fixtures"

/*
 * Postgres closes the server's connections (a restart, a failover, an admin's
 * pg_terminate_backend): the server keeps running and answers the next request on a new
 * connection. Without an 'error' listener on the pool, a closed idle connection crashes the
 * process (here: an unhandled error that fails this file).
 */
const postgres = process.env.SIGNOFF_TEST_DB?.startsWith("postgres")

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** Closes every connection to the server's database but this one's, as `pg_terminate_backend` does. */
async function terminateConnections(location: string): Promise<number> {
  const admin = new pg.Client({ connectionString: location })
  await admin.connect()
  try {
    const { rows } = await admin.query(
      "SELECT pg_terminate_backend(pid) AS closed FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
    )
    return rows.length
  } finally {
    await admin.end()
  }
}

/** Creates proposals until the channel names one (stale messages skipped), for up to 15 s. */
async function nudgedAbout(channel: LiveClient, create: () => Promise<string>): Promise<boolean> {
  const deadline = Date.now() + 15_000
  let pending = channel.next()
  while (Date.now() < deadline) {
    const id = await create()
    const until = Date.now() + 1_000
    while (Date.now() < until) {
      const message = await Promise.race([pending, new Promise<null>((resolve) => setTimeout(() => resolve(null), until - Date.now()))])
      if (message === null) break
      pending = channel.next()
      if ((message as { proposalIds?: string[] }).proposalIds?.includes(id)) return true
    }
  }
  return false
}

describe.skipIf(!postgres)("Postgres closing the server's connections", () => {
  it("keeps the server up: the next requests succeed on new connections, and live nudges resume", async () => {
    server = await startTestServer()
    const api = client(server)
    const agent = await server.token("agent", "bot")
    const reviewer = await server.token("reviewer", "Ana")
    // Several requests at once leave several idle connections in the pool.
    await Promise.all(Array.from({ length: 4 }, () => api.createProposal(agent)))

    expect(await terminateConnections(server.dbPath)).toBeGreaterThan(0)
    // Give the closed connections' errors time to arrive while idle.
    await new Promise((resolve) => setTimeout(resolve, 300))

    const created = await api.createProposal(agent)
    expect(created.status).toBe(201)
    const decided = await api.decide(reviewer, created.body.id, { action: "approve", proposalVersion: 1 })
    expect(decided.status).toBe(200)

    // The LISTEN connection reconnects on its own: a new proposal reaches a live channel again.
    const channel = await openLive(server.url, reviewer)
    try {
      expect(await nudgedAbout(channel, () => api.createProposal(agent).then((r) => r.body.id as string))).toBe(true)
    } finally {
      channel.close()
    }
  })
})
