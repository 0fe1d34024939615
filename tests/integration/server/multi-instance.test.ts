import pg from "pg"
import { afterEach, describe, expect, it } from "vitest"
import { ADVISORY_LOCKS, ifLockFree } from "~server/db/advisory-locks"
import { connectDatabase } from "~server/db/connect"
import { startServer } from "~server/start"
import { openLive, type LiveClient } from "~tests/support/live-client"
import { type ServerProcess, spawnServer } from "~tests/support/server-process"
import { startTestServer, type TestServer } from "~tests/support/server"
import { proposalBody } from "~tests/support/proposals"
import { client } from "./fixtures"

/*
 * Two API servers on one Postgres database, as a deployment behind a load balancer runs them.
 * Server A runs in this process; server B is `npm run server`, a process of its own, so nothing
 * but the database connects them. Postgres only (SQLite's file belongs to one server).
 */
const postgres = process.env.SIGNOFF_TEST_DB?.startsWith("postgres")

let a: TestServer | undefined
let b: ServerProcess | undefined
const sockets: LiveClient[] = []

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close()
  await b?.kill()
  await a?.close()
  a = b = undefined
})

describe.skipIf(!postgres)("two API processes on one Postgres database", () => {
  it("wakes an agent waiting on A when a reviewer decides on B, long before the wait's own timeout", async () => {
    // One open wait per token: a second wait answering 429 shows the first is in place on A.
    a = await startTestServer({ limits: { maxWaitsPerToken: 1 } })
    b = await spawnServer(a.dbPath, a.keyDir)
    const agent = await a.token("agent", "bot")
    const reviewer = await a.token("reviewer", "Ana")
    const onA = client(a)
    const onB = client({ ...a, url: b.url })
    const created = await onA.createProposal(agent)
    // 60 s is the longest wait; the test's own timeout is 30 s: only a wake-up can finish it.
    const waiting = onA.get(`/v1/proposals/${created.body.id}/wait?timeout=60`, agent)
    await expect.poll(async () => (await onA.get(`/v1/proposals/${created.body.id}/wait?timeout=0`, agent)).status, { timeout: 10_000 }).toBe(429)
    const decidedAt = performance.now()
    const decided = await onB.decide(reviewer, created.body.id, { action: "approve", proposalVersion: 1 })
    expect(decided.status).toBe(200)
    const woke = await waiting
    console.log(`cross-instance wake: ${(performance.now() - decidedAt).toFixed(0)} ms after B answered the decision`)
    expect(woke.body).toMatchObject({ id: created.body.id, status: "approved" })
  })

  it("nudges a live channel on A about a proposal created on B", async () => {
    a = await startTestServer()
    b = await spawnServer(a.dbPath, a.keyDir)
    const agent = await a.token("agent", "bot")
    const reviewer = await a.token("reviewer", "Ana")
    const channel = await openLive(a.url, reviewer)
    sockets.push(channel)
    const created = await client({ ...a, url: b.url }).createProposal(agent)
    expect(await channel.next()).toEqual({ type: "changed", seq: created.body.seq, proposalIds: [created.body.id], more: false })
  })

  it("expires each due proposal once when both servers sweep", async () => {
    let clock = Date.now()
    const now = () => new Date(clock)
    a = await startTestServer({ now, expirySweepMs: 20 })
    const second = await startServer({ port: 0, db: a.dbPath, keys: { keyDir: a.keyDir }, now, expirySweepMs: 20, webhooks: false })
    try {
      const agent = await a.token("agent", "bot")
      const api = client(a)
      const ids: string[] = []
      for (let i = 0; i < 5; i++) {
        const created = await api.createProposal(agent, {
          expiresAt: new Date(clock + 3_600_000).toISOString(),
          target: { ...proposalBody().target, id: `e${i}` }
        })
        ids.push(created.body.id)
      }
      clock += 2 * 3_600_000
      await expect.poll(async () => (await a!.sql("SELECT COUNT(*) AS n FROM proposals WHERE status = 'expired'"))[0]!.n, { timeout: 10_000 }).toBe(5)
      const decisions = await a.sql("SELECT proposal_id, COUNT(*) AS n FROM decisions WHERE action = 'expire' GROUP BY proposal_id")
      expect(decisions.map((d) => [d.proposal_id, Number(d.n)]).sort()).toEqual(ids.map((id) => [id, 1]).sort())
      const audited = await a.sql("SELECT COUNT(*) AS n FROM audit_log WHERE event = 'expiry'")
      expect(Number(audited[0]!.n)).toBe(5)
      const admin = await a.token("admin", "Olu")
      expect((await api.get("/v1/audit/verify", admin)).body).toMatchObject({ ok: true })
    } finally {
      await second.close()
    }
  })

  it("lets one server at a time hold the expiry sweep's lock", async () => {
    a = await startTestServer()
    const first = connectDatabase(a.dbPath)
    const second = connectDatabase(a.dbPath)
    try {
      let release: () => void = () => {}
      const held = new Promise<void>((resolve) => (release = resolve))
      let entered: () => void = () => {}
      const inside = new Promise<void>((resolve) => (entered = resolve))
      const holder = ifLockFree(first, ADVISORY_LOCKS.expirySweep, async () => {
        entered()
        await held
        return "swept"
      })
      await inside
      expect(await ifLockFree(second, ADVISORY_LOCKS.expirySweep, async () => "swept too")).toBeUndefined()
      release()
      expect(await holder).toBe("swept")
      expect(await ifLockFree(second, ADVISORY_LOCKS.expirySweep, async () => "swept next")).toBe("swept next")
    } finally {
      await first.destroy()
      await second.destroy()
    }
  })

  it("migrates a fresh database once when four servers start on it at the same moment", async () => {
    const base = process.env.SIGNOFF_TEST_DB!
    const name = `signoff_test_twostart_${Date.now().toString(36)}`
    const admin = new pg.Client({ connectionString: base })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    const url = new URL(base)
    url.pathname = `/${name}`
    const keys = { auditKey: "k".repeat(40) }
    try {
      const started = await Promise.all([0, 1, 2, 3].map(() => startServer({ port: 0, db: url.toString(), keys, webhooks: false })))
      for (const server of started) expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
      await Promise.all(started.map((server) => server.close()))
      const check = new pg.Client({ connectionString: url.toString() })
      await check.connect()
      const { rows } = await check.query("SELECT name FROM kysely_migration ORDER BY name")
      const { rows: keyIds } = await check.query("SELECT value FROM settings WHERE name = 'audit_key_id'")
      await check.end()
      expect(rows.length).toBeGreaterThan(0)
      expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length)
      expect(keyIds).toHaveLength(1)
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    }
  })
})
