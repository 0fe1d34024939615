import type { Kysely, Transaction } from "kysely"
import type { Principal, PrincipalCreate, Role } from "~src/domain"
import { type AuditRecord, appendAudit } from "../audit/chain"
import type { AuditChainKey } from "../audit/keys"
import type { Database, PrincipalsTable } from "../db/schema"
import { newId } from "../ids"

type Reader = Kysely<Database> | Transaction<Database>

export const principalFromRow = (row: PrincipalsTable): Principal => ({
  id: row.id,
  name: row.name,
  role: row.role as Role,
  email: row.email,
  createdAt: row.created_at
})

export async function findPrincipal(db: Reader, id: string): Promise<Principal | undefined> {
  const row = await db.selectFrom("principals").selectAll().where("id", "=", id).executeTakeFirst()
  return row ? principalFromRow(row) : undefined
}

export async function listPrincipals(db: Reader): Promise<Principal[]> {
  const rows = await db.selectFrom("principals").selectAll().orderBy("created_at").orderBy("id").execute()
  return rows.map(principalFromRow)
}

/** A new person or agent, audited with who created it. */
export async function createPrincipal(
  trx: Transaction<Database>,
  key: AuditChainKey,
  actor: AuditRecord["actor"],
  input: PrincipalCreate,
  now: Date
): Promise<Principal> {
  const principal: Principal = { id: newId(), name: input.name, role: input.role, email: input.email ?? null, createdAt: now.toISOString() }
  await trx
    .insertInto("principals")
    .values({ id: principal.id, name: principal.name, role: principal.role, email: principal.email, created_at: principal.createdAt })
    .execute()
  await appendAudit(trx, key, now, { event: "principal.created", actor, data: { principal } })
  return principal
}
