import type { Kysely } from "kysely"
import type { Database } from "../db/schema"
import { GENESIS_HASH, appendAudit, auditEntryFromRow, auditRows, legacyHashEntry } from "./chain"
import type { AuditKeys } from "./keys"

const KEY_ID_SETTING = "audit_key_id"

/** The actor of entries the server writes about itself. */
export const SERVER_ACTOR = { name: "server", role: "system" } as const

/**
 * Run at every start, before serving: makes sure the chain is signed with the key this server
 * holds.
 * - A new database records the key's id (a fingerprint, never the key).
 * - The same key: nothing to do. Another key: refuses to start, rather than fork the chain.
 * - An upgraded database (entries, but no key id: written with unkeyed sha256 links): verifies
 *   those links, then appends one keyed `audit.rekeyed` entry naming the legacy head (seq, hash)
 *   and whether it verified. The old entries are left exactly as they were (append-only); from
 *   then on rewriting any of them changes the head that the keyed entry names.
 */
export async function prepareAuditChain(db: Kysely<Database>, keys: AuditKeys, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Holds the audit counter's row lock (as appenders do), so two servers starting at once on
    // one Postgres database do this one after the other.
    await trx
      .updateTable("counters")
      .set((eb) => ({ value: eb.ref("value") }))
      .where("name", "=", "audit_seq")
      .execute()
    const recorded = await trx.selectFrom("settings").select("value").where("name", "=", KEY_ID_SETTING).executeTakeFirst()
    if (recorded) {
      if (recorded.value !== keys.chain.id)
        throw new Error(
          `this database's audit log is signed with audit key ${recorded.value}, but the key given is ${keys.chain.id}. ` +
            "Start with the original key (SIGNOFF_AUDIT_KEY or its key file); a new key would fork the chain."
        )
      return
    }
    const legacy = await verifyLegacyChain(trx)
    if (legacy.entries > 0)
      await appendAudit(trx, keys.chain, now, {
        event: "audit.rekeyed",
        actor: SERVER_ACTOR,
        data: {
          legacyHead: { seq: legacy.headSeq, hash: legacy.headHash },
          legacyEntries: legacy.entries,
          legacyVerified: legacy.firstBroken === null,
          legacyFirstBroken: legacy.firstBroken,
          algorithm: "hmac-sha256",
          keyId: keys.chain.id
        }
      })
    await trx.insertInto("settings").values({ name: KEY_ID_SETTING, value: keys.chain.id }).execute()
  })
}

async function verifyLegacyChain(db: Kysely<Database>) {
  let expectedSeq = 1
  let prevHash = GENESIS_HASH
  let entries = 0
  let firstBroken: { seq: number; reason: string } | null = null
  for await (const row of auditRows(db)) {
    entries++
    const { hash, ...unhashed } = auditEntryFromRow(row)
    if (!firstBroken) {
      if (unhashed.seq !== expectedSeq) firstBroken = { seq: unhashed.seq, reason: `expected seq ${expectedSeq}` }
      else if (unhashed.prevHash !== prevHash) firstBroken = { seq: unhashed.seq, reason: "prevHash does not match" }
      else if (legacyHashEntry(unhashed) !== hash) firstBroken = { seq: unhashed.seq, reason: "hash does not match the content" }
    }
    prevHash = hash
    expectedSeq = unhashed.seq + 1
  }
  return { entries, headSeq: expectedSeq - 1, headHash: prevHash, firstBroken }
}
