import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { type Db, openDatabase } from "~server/db/connect"
import { groupCommitterOf, inTransaction } from "~server/db/transaction"
import { startServerWithCast, type ServerWithCast } from "./fixtures"

/** SQLite only: Postgres runs concurrent transactions on its pool instead. */
describe("group commit on SQLite", () => {
  let dir: string
  let db: Db

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "signoff-group-"))
    db = await openDatabase(join(dir, "g.sqlite"))
  })

  afterEach(async () => {
    await db.destroy()
    rmSync(dir, { recursive: true, force: true })
  })

  const insertWorkflow = (id: string) => (trx: Parameters<Parameters<typeof inTransaction>[1]>[0]) =>
    trx
      .insertInto("workflows")
      .values({
        id,
        name: id,
        model: "approve",
        threshold: 0.8,
        quorum: 1,
        expiry_hours: null,
        paused: 0,
        created_at: "x",
        updated_at: "x",
        review_rules: "[]"
      } as never)
      .execute()
  const workflowIds = async () => (await db.selectFrom("workflows").select("id").orderBy("id").execute()).map((r) => r.id)

  it("commits concurrent transactions together, each with its own outcome: one that throws is rolled back alone", async () => {
    const committer = groupCommitterOf(db)!
    const before = { ...committer.stats }
    const results = await Promise.allSettled([
      inTransaction(db, async (trx) => (await insertWorkflow("a")(trx), "a")),
      inTransaction(db, async (trx) => {
        await insertWorkflow("b")(trx)
        throw new Error("b refused")
      }),
      inTransaction(db, async (trx) => (await insertWorkflow("c")(trx), "c"))
    ])
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).message))).toEqual(["a", "b refused", "c"])
    expect(await workflowIds()).toEqual(["a", "c"])
    expect(committer.stats.batches - before.batches).toBe(1)
    expect(committer.stats.units - before.units).toBe(3)
  })

  it("runs after-commit effects and answers only once the shared commit is done", async () => {
    const seen: string[][] = []
    const effects: string[] = []
    await Promise.all(
      ["x", "y"].map((id) =>
        inTransaction(db, async (trx, afterCommit) => {
          await insertWorkflow(id)(trx)
          afterCommit(() => effects.push(id))
        }).then(async () => {
          // Another connection sees it: the commit is done, not merely this transaction's part.
          const other = await openDatabase(join(dir, "g.sqlite"))
          seen.push((await other.selectFrom("workflows").select("id").execute()).map((r) => r.id).sort())
          await other.destroy()
        })
      )
    )
    expect(effects).toEqual(["x", "y"])
    expect(seen).toEqual([
      ["x", "y"],
      ["x", "y"]
    ])
  })

  it("fails every transaction of a batch whose commit fails, and runs none of their effects", async () => {
    const effects: string[] = []
    // A deferred foreign-key violation is only detected at COMMIT.
    const results = await Promise.allSettled([
      inTransaction(db, async (trx, afterCommit) => {
        await insertWorkflow("ok")(trx)
        afterCommit(() => effects.push("ok"))
      }),
      inTransaction(db, async (trx, afterCommit) => {
        await trx.executeQuery({ sql: "PRAGMA defer_foreign_keys = ON", parameters: [], query: { kind: "RawNode" } } as never)
        await trx.executeQuery({
          sql: "INSERT INTO decisions (id, proposal_id, action, actor_name, actor_role, proposal_version, created_at) VALUES ('d', 'no-such-proposal', 'approve', 'n', 'reviewer', 1, 'x')",
          parameters: [],
          query: { kind: "RawNode" }
        } as never)
        afterCommit(() => effects.push("bad"))
      })
    ])
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"])
    expect(effects).toEqual([])
    expect(await workflowIds()).toEqual([])
  })
})

describe("decisions under group commit", () => {
  let cast: ServerWithCast

  afterEach(async () => {
    await cast?.server.close()
  })

  it("answers each of a burst of decisions with its own outcome: 200s, and 409s for the stale ones, none lost", async () => {
    cast = await startServerWithCast()
    const ids: string[] = []
    for (let i = 0; i < 6; i++) ids.push((await cast.api.createProposal(cast.agent, { target: { platform: "hubspot", kind: "contact", id: `g${i}` } })).body.id)
    const burst = await Promise.all(
      ids.flatMap((id) => [
        cast.api.decide(cast.ana, id, { action: "approve", proposalVersion: 1 }),
        cast.api.decide(cast.ben, id, { action: "reject", reason: { code: "off_brand" }, proposalVersion: 1 })
      ])
    )
    // Per proposal: exactly one of the two wins, the other gets 409 with the winner's state.
    for (let i = 0; i < ids.length; i++) {
      const pair = [burst[2 * i]!, burst[2 * i + 1]!]
      expect(pair.map((r) => r.status).sort()).toEqual([200, 409])
      const winner = pair.find((r) => r.status === 200)!
      expect(pair.find((r) => r.status === 409)!.body.proposal.status).toBe(winner.body.proposal.status)
    }
    const rows = await cast.server.sql("SELECT proposal_id, COUNT(*) AS n FROM decisions GROUP BY proposal_id")
    expect(rows.map((r) => Number(r.n))).toEqual(ids.map(() => 1))
    expect((await cast.api.get("/v1/audit/verify", cast.admin)).body).toMatchObject({ ok: true })
  })
})
