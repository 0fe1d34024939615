import { randomBytes } from "node:crypto"
import type { Kysely, Transaction } from "kysely"
import type { Principal, PrincipalCreate, Role, TokenInfo, WorkflowScope } from "~src/domain"
import { type AuditRecord, appendAudit } from "../audit/chain"
import type { AuditChainKey } from "../audit/keys"
import { firstRow, preparedQuery } from "../db/prepared"
import type { Database, TokensTable } from "../db/schema"
import { sha256Hex } from "../hashing"
import { badRequest, notFound } from "../http/api-error"
import { newId } from "../ids"
import { createPrincipal, findPrincipal } from "./principals"

type Reader = Kysely<Database> | Transaction<Database>

/** Who is calling: resolved from the bearer token on every /v1 request. */
export interface Caller {
  tokenId: string
  /** The person or agent: what quorum, visibility and the audit log go by. */
  principalId: string
  role: Role
  /** The principal's name (what decisions and the audit log show). */
  name: string
  /** Workflows this token may propose into. */
  workflows: WorkflowScope
  expiresAt: string | null
}

/** The actor an audit entry names for this caller. */
export const actorOf = (caller: Caller) => ({ name: caller.name, role: caller.role, principalId: caller.principalId })

const TOKEN_PREFIX = "so_"

/** `so_` + 32 random bytes, base64url. Only its sha256 is stored, so a database leak leaks no tokens. */
export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url")
}

export const tokenInfoFromRow = (row: TokensTable): TokenInfo => ({
  id: row.id,
  principalId: row.principal_id,
  role: row.role as Role,
  name: row.name,
  workflows: JSON.parse(row.workflows) as WorkflowScope,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at
})

export interface TokenRequest {
  /** The token's label; defaults to the principal's name. */
  name?: string | undefined
  workflows?: WorkflowScope | undefined
  expiresAt?: Date | undefined
}

/**
 * A new token for an existing principal, audited; the secret is returned this once. Scopes are
 * for agents (what they may propose into); people's tokens are always `*`.
 */
export async function issueToken(
  trx: Transaction<Database>,
  key: AuditChainKey,
  actor: AuditRecord["actor"],
  principal: Principal,
  request: TokenRequest,
  now: Date
): Promise<{ token: string; info: TokenInfo }> {
  const workflows = request.workflows ?? "*"
  if (principal.role !== "agent" && workflows !== "*")
    throw badRequest("only agent tokens are scoped to workflows", [{ path: ["workflows"], message: "must be '*' for a reviewer or admin" }])
  if (request.expiresAt && request.expiresAt.getTime() <= now.getTime())
    throw badRequest("expiresAt must be in the future", [{ path: ["expiresAt"], message: "already passed" }])
  const token = generateToken()
  const row: TokensTable = {
    id: newId(),
    token_hash: sha256Hex(token),
    role: principal.role,
    name: request.name ?? principal.name,
    created_at: now.toISOString(),
    principal_id: principal.id,
    workflows: JSON.stringify(workflows),
    expires_at: request.expiresAt?.toISOString() ?? null,
    revoked_at: null
  }
  await trx.insertInto("tokens").values(row).execute()
  const info = tokenInfoFromRow(row)
  await appendAudit(trx, key, now, {
    event: "token.created",
    actor,
    data: { tokenId: info.id, principalId: principal.id, role: info.role, name: info.name, workflows, expiresAt: info.expiresAt }
  })
  return { token, info }
}

/** A token for `principalId`, or for a new principal: what the CLI and the admin API both do. */
export async function issueTokenFor(
  trx: Transaction<Database>,
  key: AuditChainKey,
  actor: AuditRecord["actor"],
  who: { principalId: string } | { principal: PrincipalCreate },
  request: TokenRequest,
  now: Date
): Promise<{ token: string; info: TokenInfo; principal: Principal }> {
  const principal = "principalId" in who ? await findPrincipal(trx, who.principalId) : await createPrincipal(trx, key, actor, who.principal, now)
  if (!principal) throw notFound(`principal ${"principalId" in who ? who.principalId : ""} not found`)
  return { ...(await issueToken(trx, key, actor, principal, request, now)), principal }
}

export async function listTokens(db: Reader, principalId?: string): Promise<TokenInfo[]> {
  let query = db.selectFrom("tokens").selectAll().orderBy("created_at").orderBy("id")
  if (principalId !== undefined) query = query.where("principal_id", "=", principalId)
  return (await query.execute()).map(tokenInfoFromRow)
}

/** Revokes a token (kept, for the record); revoking it again changes nothing. Undefined if unknown. */
export async function revokeToken(
  trx: Transaction<Database>,
  key: AuditChainKey,
  actor: AuditRecord["actor"],
  tokenId: string,
  now: Date
): Promise<TokenInfo | undefined> {
  const row = await trx.selectFrom("tokens").selectAll().where("id", "=", tokenId).executeTakeFirst()
  if (!row) return undefined
  if (row.revoked_at !== null) return tokenInfoFromRow(row)
  const revoked = { ...row, revoked_at: now.toISOString() }
  await trx.updateTable("tokens").set({ revoked_at: revoked.revoked_at }).where("id", "=", tokenId).execute()
  await appendAudit(trx, key, now, { event: "token.revoked", actor, data: { tokenId, principalId: row.principal_id, name: row.name } })
  return tokenInfoFromRow(revoked)
}

interface CallerRow {
  id: string
  principal_id: string
  workflows: string
  expires_at: string | null
  revoked_at: string | null
  role: string
  name: string
}

const callerByTokenHash = preparedQuery<{ tokenHash: string }, CallerRow>((db, slot) =>
  db
    .selectFrom("tokens")
    .innerJoin("principals", "principals.id", "tokens.principal_id")
    .select(["tokens.id", "tokens.principal_id", "tokens.workflows", "tokens.expires_at", "tokens.revoked_at", "principals.role", "principals.name"])
    .where("tokens.token_hash", "=", slot("tokenHash"))
)

export type CallerLookup = { caller: Caller } | { refused: "unknown" | "revoked" | "expired" }

// The scope JSON of a token rarely changes; parsing it once per distinct value keeps it off each request.
const parsedScopes = new Map<string, WorkflowScope>()
function scopeOf(json: string): WorkflowScope {
  let scope = parsedScopes.get(json)
  if (!scope) {
    scope = JSON.parse(json) as WorkflowScope
    if (parsedScopes.size > 1_000) parsedScopes.clear()
    parsedScopes.set(json, scope)
  }
  return scope
}

export async function findCaller(db: Reader, token: string, now: Date): Promise<CallerLookup> {
  if (!token.startsWith(TOKEN_PREFIX)) return { refused: "unknown" }
  const row = await firstRow(callerByTokenHash(db, { tokenHash: sha256Hex(token) }))
  if (!row) return { refused: "unknown" }
  if (row.revoked_at !== null) return { refused: "revoked" }
  if (row.expires_at !== null && row.expires_at <= now.toISOString()) return { refused: "expired" }
  return {
    caller: {
      tokenId: row.id,
      principalId: row.principal_id,
      role: row.role as Role,
      name: row.name,
      workflows: scopeOf(row.workflows),
      expiresAt: row.expires_at
    }
  }
}

/** May this caller propose into (or report on) `workflowId`? */
export const inScope = (caller: Caller, workflowId: string): boolean => caller.workflows === "*" || caller.workflows.includes(workflowId)
