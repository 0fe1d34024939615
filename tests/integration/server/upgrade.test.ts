import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { AuditEntry, AuditVerifyResult } from "~src/domain"
import { GENESIS_HASH, legacyHashEntry } from "~server/audit/chain"
import { generateToken } from "~server/auth/tokens"
import { connectDatabase } from "~server/db/connect"
import { migrateTo } from "~server/db/migrations"
import { sha256Hex } from "~server/hashing"
import { type TestServer, startTestServer } from "~tests/support/server"
import { proposalBody } from "~tests/support/proposals"
import { client } from "./fixtures"

/**
 * A database as the version before principals left it (migration 0001 only): tokens with names,
 * quorum bookkeeping by name, and an unkeyed sha256 audit chain. The server must upgrade it
 * without loosening anything and keep its history verifiable.
 */
const legacyTokens = { anaLaptop: generateToken(), anaPhone: generateToken(), ben: generateToken(), bot: generateToken(), admin: generateToken() }
const AT = "2026-06-01T09:00:00.000Z"

async function buildLegacyDatabase(location: string, options: { breakChainAt?: number } = {}): Promise<void> {
  const db = connectDatabase(location)
  try {
    await migrateTo(db, "0001_initial")
    const token = (id: string, secret: string, role: string, name: string) =>
      db
        .insertInto("tokens")
        .values({ id, token_hash: sha256Hex(secret), role, name, created_at: AT } as never)
        .execute()
    await token("T-ANA-1", legacyTokens.anaLaptop, "reviewer", "Ana")
    await token("T-ANA-2", legacyTokens.anaPhone, "reviewer", "Ana")
    await token("T-BEN", legacyTokens.ben, "reviewer", "Ben")
    await token("T-BOT", legacyTokens.bot, "agent", "bot")
    await token("T-ADMIN", legacyTokens.admin, "admin", "Olu")
    await db
      .insertInto("workflows")
      .values({
        id: "email-copy",
        name: "Email copy",
        model: "approve",
        threshold: 0.9,
        quorum: 2,
        expiry_hours: null,
        paused: 0,
        created_at: AT,
        updated_at: AT
      } as never)
      .execute()
    const proposal = (id: string, seq: number, approvers: string[]) =>
      db
        .insertInto("proposals")
        .values({
          id,
          workflow_id: "email-copy",
          created_by_token: "T-BOT",
          status: "pending",
          version: approvers.length + 1,
          seq,
          platform: "hubspot",
          target_kind: "email",
          target_id: "4242",
          body: JSON.stringify(proposalBody()),
          edited_change: null,
          content_hash: null,
          base_snapshot_hash: null,
          approvers: JSON.stringify(approvers),
          quorum: 2,
          expires_at: null,
          created_at: AT,
          updated_at: AT
        } as never)
        .execute()
    await proposal("P-HALF", 1, ["Ana"])
    await proposal("P-NEW", 2, [])
    await db
      .insertInto("decisions")
      .values({
        id: "D-1",
        proposal_id: "P-HALF",
        action: "approve",
        actor_name: "Ana",
        actor_role: "reviewer",
        reason_code: null,
        reason_text: null,
        edits: null,
        proposal_version: 1,
        review_ms: 900,
        rule: null,
        created_at: AT
      } as never)
      .execute()
    await db
      .updateTable("counters")
      .set({ value: 3 } as never)
      .where("name", "=", "proposal_seq")
      .execute()

    const events: Array<[string, string, string, string | null, Record<string, unknown>]> = [
      ["token.created", "cli", "admin", null, { tokenId: "T-ANA-1" }],
      ["workflow.created", "Olu", "admin", null, { after: { id: "email-copy" } }],
      ["proposal.created", "bot", "agent", "P-HALF", { title: "Shorter subject" }],
      ["decision", "Ana", "reviewer", "P-HALF", { action: "approve" }],
      ["proposal.created", "bot", "agent", "P-NEW", { title: "Another" }]
    ]
    let prevHash = GENESIS_HASH
    for (const [i, [event, name, role, proposalId, data]] of events.entries()) {
      const entry = { seq: i + 1, at: AT, event, actor: { name, role }, proposalId, workflowId: "email-copy", data, prevHash } as Omit<AuditEntry, "hash">
      const hash = options.breakChainAt === i + 1 ? "b".repeat(64) : legacyHashEntry(entry)
      await db
        .insertInto("audit_log")
        .values({
          seq: entry.seq,
          at: AT,
          event,
          actor_name: name,
          actor_role: role,
          proposal_id: proposalId,
          workflow_id: "email-copy",
          data: JSON.stringify(data),
          prev_hash: prevHash,
          hash
        } as never)
        .execute()
      prevHash = hash
    }
    await db
      .updateTable("counters")
      .set({ value: events.length } as never)
      .where("name", "=", "audit_seq")
      .execute()
  } finally {
    await db.destroy()
  }
}

describe("upgrading a database from before principals", () => {
  let server: TestServer
  let api: ReturnType<typeof client>

  beforeAll(async () => {
    server = await startTestServer({ prepare: (location) => buildLegacyDatabase(location) })
    api = client(server)
  })
  afterAll(() => server.close())

  it("keeps every existing token working, with scope * and no expiry", async () => {
    for (const token of Object.values(legacyTokens)) expect((await api.get("/v1/me", token)).body).toMatchObject({ workflows: "*", expiresAt: null })
    expect((await api.createProposal(legacyTokens.bot, { workflowId: "any-new-workflow" })).status).toBe(201)
  })

  it("makes tokens that shared a name and role one principal: they were one vote and stay one", async () => {
    const laptop = (await api.get("/v1/me", legacyTokens.anaLaptop)).body
    const phone = (await api.get("/v1/me", legacyTokens.anaPhone)).body
    expect(laptop.principalId).toBe(phone.principalId)
    expect((await api.get("/v1/me", legacyTokens.ben)).body.principalId).not.toBe(laptop.principalId)
  })

  it("carries a half-approved proposal's approval over to the principal", async () => {
    const again = await api.decide(legacyTokens.anaPhone, "P-HALF", { action: "approve", proposalVersion: 2 })
    expect(again.status).toBe(409)
    const ben = await api.decide(legacyTokens.ben, "P-HALF", { action: "approve", proposalVersion: 2 })
    expect(ben.body.proposal).toMatchObject({ status: "approved", approvals: 2 })
    const anaDecision = ben.body.proposal.decisions.find((d: { actor: { name: string } }) => d.actor.name === "Ana")
    expect(anaDecision.actor.principalId).toBe((await api.get("/v1/me", legacyTokens.anaLaptop)).body.principalId)
  })

  it("lets the agent still see its earlier proposals, marked as legacy in their review reason", async () => {
    const res = await api.get("/v1/proposals/P-NEW", legacyTokens.bot)
    expect(res.status).toBe(200)
    expect(res.body.review).toMatchObject({ outcome: "pending", reason: "legacy" })
  })

  it("anchors the verified sha256 history with one keyed audit.rekeyed entry naming its head", async () => {
    const entries = ((await api.get("/v1/audit", legacyTokens.admin)).body as string)
      .trim()
      .split("\n")
      .map((l) => AuditEntry.parse(JSON.parse(l)))
    const rekeyed = entries.filter((e) => e.event === "audit.rekeyed")
    expect(rekeyed).toHaveLength(1)
    expect(rekeyed[0]).toMatchObject({
      seq: 6,
      prevHash: entries[4]!.hash,
      data: { legacyHead: { seq: 5, hash: entries[4]!.hash }, legacyEntries: 5, legacyVerified: true }
    })
    expect(AuditVerifyResult.parse((await api.get("/v1/audit/verify", legacyTokens.admin)).body)).toMatchObject({ ok: true, firstBroken: null })
  })

  it("detects a legacy entry rewritten after the upgrade, though its sha256 link was recomputed", async () => {
    const [row] = await server.sql("SELECT * FROM audit_log WHERE seq = 5")
    const data = JSON.stringify({ title: "Something else" })
    const entry = {
      seq: 5,
      at: AT,
      event: "proposal.created",
      actor: { name: "bot", role: "agent" },
      proposalId: "P-NEW",
      workflowId: "email-copy",
      data: JSON.parse(data),
      prevHash: row!.prev_hash
    } as Omit<AuditEntry, "hash">
    await server.sql("UPDATE audit_log SET data = ?, hash = ? WHERE seq = 5", [data, legacyHashEntry(entry)])
    expect((await api.get("/v1/audit/verify", legacyTokens.admin)).body).toMatchObject({ ok: false, firstBroken: { seq: 6 } })
  })
})

describe("upgrading a database whose legacy chain was already broken", () => {
  it("says so in the audit.rekeyed entry, and verify keeps reporting the old break", async () => {
    const server = await startTestServer({ prepare: (location) => buildLegacyDatabase(location, { breakChainAt: 3 }) })
    try {
      const api = client(server)
      const [rekeyed] = await server.sql("SELECT data FROM audit_log WHERE event = 'audit.rekeyed'")
      expect(JSON.parse(rekeyed!.data as string)).toMatchObject({ legacyVerified: false, legacyFirstBroken: { seq: 3 } })
      expect((await api.get("/v1/audit/verify", legacyTokens.admin)).body).toMatchObject({ ok: false, firstBroken: { seq: 3 } })
    } finally {
      await server.close()
    }
  })

  it("treats a deleted audit.rekeyed entry as tampering", async () => {
    const server = await startTestServer({ prepare: (location) => buildLegacyDatabase(location) })
    try {
      await server.sql("DELETE FROM audit_log WHERE event = 'audit.rekeyed'")
      expect((await client(server).get("/v1/audit/verify", legacyTokens.admin)).body).toMatchObject({ ok: false, firstBroken: { seq: 1 } })
    } finally {
      await server.close()
    }
  })
})
