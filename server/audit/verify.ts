import type { Kysely } from "kysely"
import type { AuditVerifyResult } from "~src/domain"
import type { Database } from "../db/schema"
import { GENESIS_HASH, auditEntryFromRow, auditRows, hashEntry } from "./chain"

/**
 * Walks the whole chain and names the first link that does not hold: a missing entry (seq gap),
 * a prevHash that is not the previous entry's hash, or a hash that does not match the content.
 * `entries` is the length of the whole log either way.
 */
export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditVerifyResult> {
  let expectedSeq = 1
  let prevHash = GENESIS_HASH
  let entries = 0
  let firstBroken: AuditVerifyResult["firstBroken"] = null
  for await (const row of auditRows(db)) {
    entries++
    if (firstBroken) continue
    const { hash, ...unhashed } = auditEntryFromRow(row)
    if (unhashed.seq !== expectedSeq)
      firstBroken = { seq: unhashed.seq, reason: `expected seq ${expectedSeq}, found ${unhashed.seq} (an entry is missing)` }
    else if (unhashed.prevHash !== prevHash)
      firstBroken = { seq: unhashed.seq, reason: "prevHash does not match the previous entry's hash" }
    else if (hashEntry(unhashed) !== hash)
      firstBroken = { seq: unhashed.seq, reason: "hash does not match the entry's content (entry altered)" }
    prevHash = hash
    expectedSeq = unhashed.seq + 1
  }
  return { ok: firstBroken === null, entries, firstBroken }
}
