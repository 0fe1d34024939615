import { randomBytes } from "node:crypto"
import type { Kysely } from "kysely"
import { newId } from "../ids"
import type { Role } from "~src/domain"
import { appendAudit } from "../audit/chain"
import type { Database } from "../db/schema"
import { firstRow, preparedQuery } from "../db/prepared"
import { sha256Hex } from "../hashing"

/** Who is calling: resolved from the bearer token on every /v1 request. */
export interface Caller {
  tokenId: string
  role: Role
  name: string
}

const TOKEN_PREFIX = "so_"

/** `so_` + 32 random bytes, base64url. Only its sha256 is stored, so a database leak leaks no tokens. */
export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url")
}

export async function issueToken(db: Kysely<Database>, role: Role, name: string, now: Date): Promise<string> {
  const token = generateToken()
  const id = newId()
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("tokens")
      .values({ id, token_hash: sha256Hex(token), role, name, created_at: now.toISOString() })
      .execute()
    await appendAudit(trx, now, {
      event: "token.created",
      actor: { name: "cli", role: "admin" },
      data: { tokenId: id, role, name }
    })
  })
  return token
}

const tokenByHash = preparedQuery<{ tokenHash: string }, { id: string; role: string; name: string }>((db, slot) =>
  db.selectFrom("tokens").select(["id", "role", "name"]).where("token_hash", "=", slot("tokenHash"))
)

export async function findCaller(db: Kysely<Database>, token: string): Promise<Caller | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined
  const row = await firstRow(tokenByHash(db, { tokenHash: sha256Hex(token) }))
  return row ? { tokenId: row.id, role: row.role as Role, name: row.name } : undefined
}
