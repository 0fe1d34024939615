import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { spawnServer } from "~tests/support/server-process"
import { startTestServer, type TestServer } from "~tests/support/server"
import { client } from "./fixtures"

const postgres = Boolean(process.env.SIGNOFF_TEST_DB?.startsWith("postgres"))

/**
 * Durability under a crash: an API process (npm run server, its own process) is killed with
 * SIGKILL while decisions are in flight. Every decision it answered 2xx must be in the database
 * when a server starts on it again, and the audit chain must verify. Requests cut off by the kill
 * may or may not have landed; they are not counted. Runs on SQLite, and on Postgres in the
 * integration-postgres project.
 */
describe("a server killed with SIGKILL mid-burst", () => {
  it("keeps every decision it answered 2xx, and its audit chain verifies after a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "signoff-kill-"))
    // SQLite: a file kept across servers (one server at a time owns it). Postgres: a fresh database.
    let first: TestServer | undefined = await startTestServer(postgres ? {} : { dbPath: join(dir, "signoff.sqlite") })
    let restarted: TestServer | undefined
    try {
      const agent = await first.token("agent", "bot")
      const reviewer = await first.token("reviewer", "Ana")
      const admin = await first.token("admin", "Olu")
      const ids: string[] = []
      for (let i = 0; i < 240; i++)
        ids.push((await client(first).createProposal(agent, { target: { platform: "hubspot", kind: "contact", id: `k${i}` } })).body.id)
      const { dbPath, keyDir } = first
      if (!postgres) {
        await first.close()
        first = undefined
      }

      const victim = await spawnServer(dbPath, keyDir)
      const api = client({ url: victim.url } as TestServer)
      const answered: Array<{ proposalId: string; decisionId: string }> = []
      let next = 0
      let killing: Promise<void> | undefined
      const worker = async () => {
        while (next < ids.length && !killing) {
          const proposalId = ids[next++]!
          const response = await api.decide(reviewer, proposalId, { action: "approve", proposalVersion: 1 }).catch(() => undefined)
          if (response && response.status >= 200 && response.status < 300) answered.push({ proposalId, decisionId: response.body.decision.id })
          // Mid-burst: other requests are still in flight when the process dies.
          if (answered.length === 60) killing ??= victim.kill("SIGKILL")
        }
      }
      await Promise.all(Array.from({ length: 16 }, worker))
      await killing

      restarted = postgres ? await first!.restart() : await startTestServer({ dbPath })
      first = undefined
      const stored = new Set((await restarted.sql("SELECT id FROM decisions WHERE action = 'approve'")).map((r) => r.id as string))
      console.log(`hard kill (${postgres ? "Postgres" : "SQLite"}): ${answered.length} decisions answered 2xx before SIGKILL, ${stored.size} stored`)
      expect(answered.length).toBeGreaterThanOrEqual(60)
      expect(answered.filter((a) => !stored.has(a.decisionId))).toEqual([])
      for (const { proposalId } of answered.slice(0, 5))
        expect((await client(restarted).get(`/v1/proposals/${proposalId}`, reviewer)).body.status).toBe("approved")
      expect((await client(restarted).get("/v1/audit/verify", admin)).body).toMatchObject({ ok: true })
    } finally {
      await first?.close()
      await restarted?.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
