import type { Kysely } from "kysely"
import type { AuditCheckpoint, AuditVerifyResult } from "~src/domain"
import type { Database } from "../db/schema"
import { GENESIS_HASH, auditEntryFromRow, auditRows, hashEntry, legacyHashEntry } from "./chain"
import { checkpointSignatureHolds } from "./checkpoint"
import type { AuditKeys } from "./keys"

type Broken = NonNullable<AuditVerifyResult["firstBroken"]>

/**
 * Walks the whole chain and names the first link that does not hold: a missing entry (seq gap),
 * a prevHash that is not the previous entry's hash, or a hash that the audit key does not give
 * for the content (altered, reordered, or the whole chain rewritten by someone without the key).
 * Then the log's end: its last seq against the audit counter (entries deleted from the tail),
 * and, when given, against a signed checkpoint kept elsewhere (which also catches a tail cut
 * whose counter was wound back).
 *
 * Entries written before the upgrade to keyed links carry sha256 links; they are accepted only
 * before the one `audit.rekeyed` entry, which is keyed and names their head (server/audit/rekey.ts).
 */
export async function verifyAuditChain(db: Kysely<Database>, keys: AuditKeys, checkpoint?: AuditCheckpoint): Promise<AuditVerifyResult> {
  const rekeys = await db.selectFrom("audit_log").select("seq").where("event", "=", "audit.rekeyed").orderBy("seq").execute()
  const keyedFrom = rekeys.length > 0 ? Number(rekeys[0]!.seq) : 1
  let expectedSeq = 1
  let prevHash = GENESIS_HASH
  let entries = 0
  let firstBroken: Broken | null = null
  const hashAt = new Map<number, string>()
  for await (const row of auditRows(db)) {
    entries++
    const { hash, ...unhashed } = auditEntryFromRow(row)
    if (checkpoint && unhashed.seq === checkpoint.seq) hashAt.set(unhashed.seq, hash)
    if (firstBroken) continue
    const keyed = unhashed.seq >= keyedFrom
    if (unhashed.seq !== expectedSeq)
      firstBroken = { seq: unhashed.seq, reason: `expected seq ${expectedSeq}, found ${unhashed.seq} (an entry is missing or out of order)` }
    else if (unhashed.prevHash !== prevHash) firstBroken = { seq: unhashed.seq, reason: "prevHash does not match the previous entry's hash" }
    else if ((keyed ? hashEntry(keys.chain, unhashed) : legacyHashEntry(unhashed)) !== hash)
      firstBroken = {
        seq: unhashed.seq,
        reason: keyed
          ? "hash does not match the entry's content under the audit key (entry altered, or written without the key)"
          : "hash does not match the entry's content (legacy entry altered)"
      }
    else if (unhashed.event === "audit.rekeyed" && unhashed.seq !== keyedFrom)
      firstBroken = { seq: unhashed.seq, reason: "a second audit.rekeyed entry: the chain was re-keyed twice" }
    else if (unhashed.event === "audit.rekeyed" && !namesItsLegacyHead(unhashed.data, unhashed.seq, unhashed.prevHash))
      firstBroken = { seq: unhashed.seq, reason: "the audit.rekeyed entry does not name the legacy head it follows" }
    prevHash = hash
    expectedSeq = unhashed.seq + 1
  }
  const lastSeq = expectedSeq - 1

  const [counterRow] = await db.selectFrom("counters").select("value").where("name", "=", "audit_seq").execute()
  const counter = Number(counterRow?.value ?? 0)
  const counterOk = counter === lastSeq
  if (!firstBroken && counter > lastSeq)
    firstBroken = { seq: lastSeq + 1, reason: `entries ${lastSeq + 1}..${counter} are missing: the log was cut short (the audit counter is at ${counter})` }
  else if (!firstBroken && counter < lastSeq)
    firstBroken = { seq: counter + 1, reason: `the audit counter (${counter}) is behind the log (${lastSeq}): the counter was altered` }

  let checkpointCheck: { ok: boolean; seq: number; reason: string | null } | null = null
  if (checkpoint) {
    const reason = checkpointProblem(keys, checkpoint, lastSeq, checkpoint.seq === 0 ? GENESIS_HASH : hashAt.get(checkpoint.seq))
    checkpointCheck = { ok: reason === null, seq: checkpoint.seq, reason }
    if (reason !== null && (!firstBroken || firstBroken.seq > checkpoint.seq)) firstBroken = { seq: Math.min(checkpoint.seq, lastSeq + 1) || 1, reason }
  }
  return {
    ok: firstBroken === null,
    entries,
    firstBroken,
    checks: { counter: { ok: counterOk, counter, lastSeq }, checkpoint: checkpointCheck }
  }
}

function namesItsLegacyHead(data: Record<string, unknown>, seq: number, prevHash: string): boolean {
  const head = data.legacyHead as { seq?: unknown; hash?: unknown } | undefined
  return head?.seq === seq - 1 && head.hash === prevHash
}

function checkpointProblem(keys: AuditKeys, checkpoint: AuditCheckpoint, lastSeq: number, hashThere: string | undefined): string | null {
  if (checkpoint.publicKey.trim() !== keys.checkpoint.publicKeyPem.trim()) return "the checkpoint was signed by another key than this server's"
  if (!checkpointSignatureHolds(checkpoint)) return "the checkpoint's signature does not hold (the checkpoint was altered)"
  if (lastSeq < checkpoint.seq) return `the log ends at seq ${lastSeq}, before the checkpoint's seq ${checkpoint.seq}: entries were deleted from the tail`
  if (hashThere !== checkpoint.hash) return `the entry at seq ${checkpoint.seq} is not the one the checkpoint signed: the log was rewritten`
  return null
}
