import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { AuditEntry, AuditVerifyResult } from "~src/domain"
import { type TestServer, startTestServer } from "~tests/support/server"
import { client, startServerWithCast } from "./fixtures"

let server: TestServer
let api: ReturnType<typeof client>
let agent: string
let ana: string
let admin: string

beforeAll(async () => {
  ;({ server, api, agent, ana, admin } = await startServerWithCast())
  // One of everything the log must record.
  await api.put("/v1/workflows/runs-alone", admin, { name: "Runs alone", model: "monitor" })
  const pending = (await api.createProposal(agent)).body
  await api.decide(ana, pending.id, {
    action: "reject",
    reason: { code: "other", text: 'Says "free", legal said no, twice' },
    proposalVersion: 1,
    reviewMs: 5_000
  })
  const ran = (await api.createProposal(agent, { workflowId: "runs-alone" })).body
  await api.post(`/v1/proposals/${ran.id}/execution`, agent, { outcome: "executed", contentHash: ran.contentHash })
  await api.decide(ana, ran.id, { action: "revert", proposalVersion: 2 })
  await api.decide(ana, ran.id, { action: "pause", proposalVersion: 3 })
})
afterAll(() => server.close())

async function exportJsonl(query = ""): Promise<AuditEntry[]> {
  const res = await api.get(`/v1/audit?format=jsonl${query}`, admin)
  expect(res.status).toBe(200)
  expect(res.headers.get("content-type")).toMatch(/application\/x-ndjson/)
  return (res.body as string)
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => AuditEntry.parse(JSON.parse(line)))
}

describe("the audit log", () => {
  it("records creation, decisions, auto-approval, execution, revert, pause, workflow changes and tokens", async () => {
    const events = new Set((await exportJsonl()).map((e) => e.event))
    for (const event of ["token.created", "workflow.created", "proposal.created", "decision", "auto_approval", "execution", "revert", "pause"])
      expect(events, event).toContain(event)
  })

  it("names actor, role, reason and review time on a decision", async () => {
    const decision = (await exportJsonl()).find((e) => e.event === "decision")!
    expect(decision.actor).toEqual({ name: "Ana", role: "reviewer", principalId: expect.any(String) })
    expect(decision.data).toMatchObject({ action: "reject", reviewMs: 5_000, reason: { code: "other" }, fromStatus: "pending", toStatus: "rejected" })
  })

  it("records a workflow change with before and after", async () => {
    await api.put("/v1/workflows/runs-alone", admin, { name: "Runs alone", model: "exception", threshold: 0.95 })
    const change = (await exportJsonl()).filter((e) => e.event === "workflow.changed").at(-1)!
    expect(change.actor).toEqual({ name: "Olu", role: "admin", principalId: expect.any(String) })
    expect(change.data).toMatchObject({ before: { model: "monitor", paused: true }, after: { model: "exception", threshold: 0.95 } })
  })

  it("chains each entry to the previous one", async () => {
    const entries = await exportJsonl()
    expect(entries[0]!.prevHash).toBe("0".repeat(64))
    entries.slice(1).forEach((entry, i) => {
      expect(entry.seq).toBe(entries[i]!.seq + 1)
      expect(entry.prevHash).toBe(entries[i]!.hash)
    })
  })

  it("exports the same entries as CSV, quoting commas and quotes", async () => {
    const jsonl = await exportJsonl()
    const res = await api.get("/v1/audit?format=csv", admin)
    expect(res.headers.get("content-type")).toMatch(/text\/csv/)
    const text = res.body as string
    expect(text.startsWith("seq,at,event,actor_name,actor_role,proposal_id,workflow_id,data,prev_hash,hash,actor_principal_id\r\n")).toBe(true)
    const rowCount = text.split("\r\n").filter((line) => /^\d+,/.test(line)).length
    expect(rowCount).toBe(jsonl.length)
    // The data column is JSON (quotes escaped as \"), then CSV-quoted (quotes doubled).
    expect(text).toContain('\\""free\\""')
  })

  it("filters the export by time", async () => {
    const all = await exportJsonl()
    const future = await exportJsonl(`&from=${encodeURIComponent("2999-01-01T00:00:00Z")}`)
    expect(future).toEqual([])
    const past = await exportJsonl(`&to=${encodeURIComponent("2000-01-01T00:00:00Z")}`)
    expect(past).toEqual([])
    const everything = await exportJsonl(`&from=${encodeURIComponent("2000-01-01T00:00:00Z")}&to=${encodeURIComponent("2999-01-01T00:00:00Z")}`)
    expect(everything.length).toBe(all.length)
  })

  it("verifies an intact chain", async () => {
    const res = AuditVerifyResult.parse((await api.get("/v1/audit/verify", admin)).body)
    expect(res.ok).toBe(true)
    expect(res.firstBroken).toBeNull()
    expect(res.entries).toBe((await exportJsonl()).length)
  })
})

describe("audit verify against tampering (rows altered directly in the database, behind the server)", () => {
  let tampered: TestServer
  let tamperedApi: ReturnType<typeof client>
  let tamperedAdmin: string

  beforeAll(async () => {
    tampered = await startTestServer()
    tamperedApi = client(tampered)
    tamperedAdmin = await tampered.token("admin", "Olu")
    const bot = await tampered.token("agent", "bot")
    const reviewer = await tampered.token("reviewer", "Ana")
    for (let i = 0; i < 3; i++) {
      const p = (await tamperedApi.createProposal(bot)).body
      await tamperedApi.decide(reviewer, p.id, { action: "reject", reason: { code: "off_brand" }, proposalVersion: 1 })
    }
  })
  afterAll(() => tampered.close())

  it("names the seq whose content was changed", async () => {
    const target = await withRow("decision")
    const [row] = await tampered.sql("SELECT data FROM audit_log WHERE seq = ?", [target])
    const data = JSON.parse(row!.data as string)
    data.reason = { code: "compliance" } // rewrite history: a different reason
    await tampered.sql("UPDATE audit_log SET data = ? WHERE seq = ?", [JSON.stringify(data), target])
    const res = AuditVerifyResult.parse((await tamperedApi.get("/v1/audit/verify", tamperedAdmin)).body)
    expect(res.ok).toBe(false)
    expect(res.firstBroken).toEqual({ seq: target, reason: expect.stringMatching(/altered/) })
    const [count] = await tampered.sql("SELECT COUNT(*) AS n FROM audit_log")
    expect(res.entries).toBe(Number(count!.n))
  })

  it("still names the link when the tamperer also rewrote that row's hash", async () => {
    const first = await withRow("decision")
    await tampered.sql("UPDATE audit_log SET actor_name = 'Mallory', hash = ? WHERE seq = ?", ["f".repeat(64), first])
    const res = AuditVerifyResult.parse((await tamperedApi.get("/v1/audit/verify", tamperedAdmin)).body)
    expect(res.ok).toBe(false)
    expect(res.firstBroken!.seq).toBe(first)
  })

  it("keeps naming the earliest break when a later entry is deleted too", async () => {
    const last = await withRow("decision", "last")
    await tampered.sql("DELETE FROM audit_log WHERE seq = ?", [last - 1])
    const res = AuditVerifyResult.parse((await tamperedApi.get("/v1/audit/verify", tamperedAdmin)).body)
    expect(res.ok).toBe(false)
    // The first break is still the earlier tampering; the chain is walked in order.
    expect(res.firstBroken!.seq).toBeLessThan(last)
  })

  async function withRow(event: string, which: "first" | "last" = "first"): Promise<number> {
    const order = which === "first" ? "ASC" : "DESC"
    const [row] = await tampered.sql(`SELECT seq FROM audit_log WHERE event = ? ORDER BY seq ${order} LIMIT 1`, [event])
    return Number(row!.seq)
  }
})

describe("audit verify detects a deleted entry", () => {
  it("reports the gap at the entry after the deleted one", async () => {
    const s = await startTestServer()
    try {
      const c = client(s)
      const admin = await s.token("admin", "Olu")
      const bot = await s.token("agent", "bot")
      await c.createProposal(bot)
      await c.createProposal(bot)
      await s.sql("DELETE FROM audit_log WHERE seq = 3")
      const res = AuditVerifyResult.parse((await c.get("/v1/audit/verify", admin)).body)
      expect(res).toMatchObject({ ok: false, firstBroken: { seq: 4, reason: expect.stringMatching(/missing/) } })
    } finally {
      await s.close()
    }
  })
})
