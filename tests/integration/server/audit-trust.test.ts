import { createHmac, createPublicKey, verify } from "node:crypto"
import { statSync } from "node:fs"
import { join } from "node:path"
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { AuditCheckpoint, AuditVerifyResult } from "~src/domain"
import { canonicalJson } from "~src/domain/canonical-json"
import { startTestServer } from "~tests/support/server"
import { startServer } from "~server/start"
import { client } from "./fixtures"

/** A server with some history: proposals, decisions, an auto-approval and its execution. */
async function serverWithHistory(options: Parameters<typeof startTestServer>[0] = {}) {
  const server = await startTestServer(options)
  const api = client(server)
  const admin = await server.token("admin", "Olu")
  const agent = await server.token("agent", "bot")
  const ana = await server.token("reviewer", "Ana")
  await api.put("/v1/workflows/runs-alone", admin, { name: "Runs alone", model: "monitor" })
  for (let i = 0; i < 3; i++) {
    const p = (await api.createProposal(agent)).body
    await api.decide(ana, p.id, { action: "reject", reason: { code: "off_brand" }, proposalVersion: 1 })
  }
  const ran = (await api.createProposal(agent, { workflowId: "runs-alone" })).body
  await api.post(`/v1/proposals/${ran.id}/execution`, agent, { outcome: "executed", contentHash: ran.contentHash })
  const verifyNow = async (checkpoint?: AuditCheckpoint) =>
    AuditVerifyResult.parse((checkpoint ? await api.post("/v1/audit/verify", admin, { checkpoint }) : await api.get("/v1/audit/verify", admin)).body)
  const checkpoint = async () => AuditCheckpoint.parse((await api.get("/v1/audit/checkpoint", admin)).body)
  const seqs = async () => (await server.sql("SELECT seq FROM audit_log ORDER BY seq")).map((r) => Number(r.seq))
  return { server, api, admin, agent, verifyNow, checkpoint, seqs }
}

type History = Awaited<ReturnType<typeof serverWithHistory>>

describe("the audit chain detects tampering by someone who can write the database but has no key", () => {
  let h: History
  beforeEach(async () => {
    h = await serverWithHistory()
    expect((await h.verifyNow()).ok).toBe(true)
  })
  afterEach(() => h.server.close())

  it("detects an edited entry", async () => {
    const [row] = await h.server.sql("SELECT seq, data FROM audit_log WHERE event = 'decision' ORDER BY seq LIMIT 1")
    const data = JSON.parse(row!.data as string)
    data.reason = { code: "compliance" }
    await h.server.sql("UPDATE audit_log SET data = ? WHERE seq = ?", [JSON.stringify(data), row!.seq])
    expect(await h.verifyNow()).toMatchObject({ ok: false, firstBroken: { seq: Number(row!.seq), reason: expect.stringMatching(/audit key/) } })
  })

  it("detects an entry deleted from the middle", async () => {
    const seqs = await h.seqs()
    const middle = seqs[Math.floor(seqs.length / 2)]!
    await h.server.sql("DELETE FROM audit_log WHERE seq = ?", [middle])
    expect(await h.verifyNow()).toMatchObject({ ok: false, firstBroken: { seq: middle + 1, reason: expect.stringMatching(/missing/) } })
  })

  it("detects entries deleted from the tail, against the audit counter", async () => {
    const last = (await h.seqs()).at(-1)!
    await h.server.sql("DELETE FROM audit_log WHERE seq >= ?", [last - 1])
    const verdict = await h.verifyNow()
    expect(verdict).toMatchObject({ ok: false, firstBroken: { seq: last - 1, reason: expect.stringMatching(/cut short/) } })
    expect(verdict.checks?.counter).toEqual({ ok: false, counter: last, lastSeq: last - 2 })
  })

  it("detects a tail cut whose counter was wound back too, against a checkpoint kept elsewhere", async () => {
    const kept = await h.checkpoint()
    const last = (await h.seqs()).at(-1)!
    expect(kept.seq).toBe(last)
    await h.server.sql("DELETE FROM audit_log WHERE seq >= ?", [last - 1])
    await h.server.sql("UPDATE counters SET value = ? WHERE name = 'audit_seq'", [last - 2])
    expect((await h.verifyNow()).ok).toBe(true) // the log alone looks whole
    const verdict = await h.verifyNow(kept)
    expect(verdict).toMatchObject({ ok: false, checks: { checkpoint: { ok: false, reason: expect.stringMatching(/deleted from the tail/) } } })
  })

  it("detects two entries swapped (reordered), though each keeps its own hash", async () => {
    const [a, b] = await h.server.sql("SELECT * FROM audit_log WHERE event = 'decision' ORDER BY seq LIMIT 2")
    // Swap everything but seq: each row still holds a hash that once was valid.
    for (const [target, source] of [
      [a!, b!],
      [b!, a!]
    ] as const)
      await h.server.sql(
        "UPDATE audit_log SET at = ?, event = ?, actor_name = ?, actor_role = ?, actor_principal_id = ?, proposal_id = ?, workflow_id = ?, data = ?, prev_hash = ?, hash = ? WHERE seq = ?",
        [
          source.at,
          source.event,
          source.actor_name,
          source.actor_role,
          source.actor_principal_id,
          source.proposal_id,
          source.workflow_id,
          source.data,
          source.prev_hash,
          source.hash,
          target.seq
        ]
      )
    expect(await h.verifyNow()).toMatchObject({ ok: false, firstBroken: { seq: Number(a!.seq) } })
  })

  it("detects the whole chain rewritten with consistent links but without the key", async () => {
    const rows = await h.server.sql("SELECT * FROM audit_log ORDER BY seq")
    const forgedKey = "f".repeat(64)
    let prevHash = "0".repeat(64)
    for (const row of rows) {
      const data = JSON.parse(row.data as string)
      if (row.event === "decision") data.reason = { code: "compliance" }
      const actor = row.actor_principal_id
        ? { name: row.actor_name, role: row.actor_role, principalId: row.actor_principal_id }
        : { name: row.actor_name, role: row.actor_role }
      const entry = { seq: Number(row.seq), at: row.at, event: row.event, actor, proposalId: row.proposal_id, workflowId: row.workflow_id, data, prevHash }
      const hash = createHmac("sha256", forgedKey)
        .update(prevHash + canonicalJson(entry))
        .digest("hex")
      await h.server.sql("UPDATE audit_log SET data = ?, prev_hash = ?, hash = ? WHERE seq = ?", [JSON.stringify(data), prevHash, hash, row.seq])
      prevHash = hash
    }
    expect(await h.verifyNow()).toMatchObject({ ok: false, firstBroken: { seq: 1, reason: expect.stringMatching(/audit key/) } })
  })

  it("detects a rewritten entry below a checkpoint even when the tamperer re-links everything after it", async () => {
    const kept = await h.checkpoint()
    await h.server.sql("UPDATE audit_log SET hash = ? WHERE seq = ?", ["e".repeat(64), kept.seq])
    expect(await h.verifyNow(kept)).toMatchObject({ ok: false, checks: { checkpoint: { ok: false, reason: expect.stringMatching(/rewritten/) } } })
  })
})

describe("signed checkpoints", () => {
  let h: History
  beforeAll(async () => {
    h = await serverWithHistory()
  })
  afterAll(() => h.server.close())

  it("signs {seq, hash, at} of the newest entry with Ed25519, verifiable with the public key alone", async () => {
    const checkpoint = await h.checkpoint()
    const [head] = await h.server.sql("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
    expect(checkpoint).toMatchObject({ seq: Number(head!.seq), hash: head!.hash, algorithm: "ed25519" })
    const publicKey = (await h.api.get("/v1/audit/public-key", h.admin)).body.publicKey as string
    expect(publicKey).toBe(checkpoint.publicKey)
    const signed = Buffer.from(canonicalJson({ seq: checkpoint.seq, hash: checkpoint.hash, at: checkpoint.at }))
    expect(verify(null, signed, createPublicKey(publicKey), Buffer.from(checkpoint.signature, "base64"))).toBe(true)
  })

  it("verifies an intact log against its checkpoint, and a later one still holds as the log grows", async () => {
    const kept = await h.checkpoint()
    await h.api.createProposal(h.agent)
    expect(await h.verifyNow(kept)).toMatchObject({ ok: true, checks: { checkpoint: { ok: true, seq: kept.seq, reason: null } } })
  })

  it("refuses a checkpoint whose fields were altered after signing", async () => {
    const kept = await h.checkpoint()
    const verdict = await h.verifyNow({ ...kept, seq: kept.seq - 1 })
    expect(verdict).toMatchObject({ ok: false, checks: { checkpoint: { ok: false, reason: expect.stringMatching(/signature/) } } })
  })

  it("refuses a checkpoint signed by another server's key", async () => {
    const other = await serverWithHistory()
    try {
      const foreign = await other.checkpoint()
      expect(await h.verifyNow(foreign)).toMatchObject({ ok: false, checks: { checkpoint: { reason: expect.stringMatching(/another key/) } } })
    } finally {
      await other.server.close()
    }
  })

  it("signs no checkpoint over a log that does not verify", async () => {
    const other = await serverWithHistory()
    try {
      await other.server.sql("UPDATE audit_log SET actor_name = 'Mallory' WHERE seq = 2")
      const res = await other.api.get("/v1/audit/checkpoint", other.admin)
      expect(res.status).toBe(409)
    } finally {
      await other.server.close()
    }
  })
})

describe("the audit key lives outside the database", () => {
  it("creates a 0600 key file beside a SQLite database on first start, and keeps using it", async () => {
    const first = await startTestServer()
    const dbPath = first.dbPath
    const isSqlite = !dbPath.startsWith("postgres")
    const keyFile = isSqlite ? `${dbPath}.audit-key` : join(first.keyDir, "signoff-postgres.audit-key")
    expect(statSync(keyFile).mode & 0o777).toBe(0o600)
    expect(statSync(keyFile.replace(/\.audit-key$/, ".checkpoint-key.pem")).mode & 0o777).toBe(0o600)
    await first.close()
  })

  it("takes the key from SIGNOFF_AUDIT_KEY, and refuses to start with another key than the chain was signed with", async () => {
    const { server, api, admin } = await serverWithHistory({ keys: { auditKey: "k".repeat(40) } })
    expect((await api.get("/v1/audit/verify", admin)).body.ok).toBe(true)
    const [keyId] = await server.sql("SELECT value FROM settings WHERE name = 'audit_key_id'")
    expect(keyId!.value).toMatch(/^[0-9a-f]{16}$/)
    // The database never holds the key itself.
    expect(JSON.stringify(await server.sql("SELECT * FROM settings"))).not.toContain("k".repeat(40))
    try {
      const location = { port: 0, host: "127.0.0.1", db: server.dbPath, keys: { keyDir: server.keyDir } }
      await expect(startServer({ ...location, keys: { ...location.keys, auditKey: "x".repeat(40) } })).rejects.toThrow(/signed with audit key/)
      // Its key file beside the database holds another key than SIGNOFF_AUDIT_KEY did: refused too.
      await expect(startServer(location)).rejects.toThrow(/would fork the chain/)
      const same = await startServer({ ...location, keys: { ...location.keys, auditKey: "k".repeat(40) } })
      await same.close()
    } finally {
      await server.close()
    }
  })
})
