import type { Kysely } from "kysely"
import type { AuditVerifyResult } from "~src/domain"
import type { Database } from "../db/schema"
import { GENESIS_HASH, auditEntryFromRow, auditRows, hashEntry } from "./chain"

/** Walks the whole chain and names the first link that does not hold. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditVerifyResult> {
  let expectedSeq = 1
  let prevHash = GENESIS_HASH
  let entries = 0
  for await (const row of auditRows(db)) {
    entries++
    const { hash, ...unhashed } = auditEntryFromRow(row)
    const broken = (reason: string): AuditVerifyResult => ({ ok: false, entries, firstBroken: { seq: unhashed.seq, reason } })
    if (unhashed.seq !== expectedSeq) return broken(`expected seq ${expectedSeq}, found ${unhashed.seq} (an entry is missing)`)
    if (unhashed.prevHash !== prevHash) return broken("prevHash does not match the previous entry's hash")
    if (hashEntry(unhashed) !== hash) return broken("hash does not match the entry's content (entry altered)")
    prevHash = hash
    expectedSeq++
  }
  return { ok: true, entries, firstBroken: null }
}
