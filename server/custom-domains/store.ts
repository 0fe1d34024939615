import type { Kysely, Transaction } from "kysely"
import type { ServerCustomDomain } from "~src/domain/custom-domains"
import type { CustomHost } from "~src/platforms"
import { appendAudit } from "../audit/chain"
import type { AuditChainKey } from "../audit/keys"
import { type Caller, actorOf } from "../auth/tokens"
import type { Database } from "../db/schema"

type Reader = Kysely<Database> | Transaction<Database>

export async function listCustomDomains(db: Reader): Promise<ServerCustomDomain[]> {
  const rows = await db.selectFrom("custom_domains").selectAll().orderBy("host").execute()
  return rows.map((r) => ({ host: r.host, platform: r.platform as ServerCustomDomain["platform"], createdAt: r.created_at }))
}

/** What target URLs are checked against (src/domain/target-tenant.ts). */
export async function customHosts(db: Reader): Promise<CustomHost[]> {
  return (await listCustomDomains(db)).map(({ host, platform }) => ({ host, platform }))
}

/** Registers (or re-assigns) a custom domain; audited with before and after. */
export async function putCustomDomain(
  trx: Transaction<Database>,
  key: AuditChainKey,
  host: string,
  platform: ServerCustomDomain["platform"],
  caller: Caller,
  now: Date
): Promise<{ domain: ServerCustomDomain; created: boolean }> {
  const before = await trx.selectFrom("custom_domains").selectAll().where("host", "=", host).executeTakeFirst()
  const domain: ServerCustomDomain = { host, platform, createdAt: before?.created_at ?? now.toISOString() }
  if (before) await trx.updateTable("custom_domains").set({ platform }).where("host", "=", host).execute()
  else await trx.insertInto("custom_domains").values({ host, platform, created_at: domain.createdAt }).execute()
  await appendAudit(trx, key, now, {
    event: "custom_domain.changed",
    actor: actorOf(caller),
    data: { host, before: before ? { platform: before.platform } : null, after: { platform } }
  })
  return { domain, created: !before }
}

/** Removes a custom domain; false when there was none. Audited. */
export async function deleteCustomDomain(trx: Transaction<Database>, key: AuditChainKey, host: string, caller: Caller, now: Date): Promise<boolean> {
  const before = await trx.selectFrom("custom_domains").selectAll().where("host", "=", host).executeTakeFirst()
  if (!before) return false
  await trx.deleteFrom("custom_domains").where("host", "=", host).execute()
  await appendAudit(trx, key, now, {
    event: "custom_domain.changed",
    actor: actorOf(caller),
    data: { host, before: { platform: before.platform }, after: null }
  })
  return true
}
