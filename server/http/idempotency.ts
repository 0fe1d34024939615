import type { Transaction } from "kysely"
import { canonicalJson } from "~src/domain/canonical-json"
import type { Services } from "../app-env"
import type { Caller } from "../auth/tokens"
import { firstRow, preparedQuery } from "../db/prepared"
import type { Database, IdempotencyKeysTable } from "../db/schema"
import { isUniqueViolation } from "../db/unique-violation"
import { type AfterCommit, inTransaction } from "../db/transaction"
import { sha256Hex } from "../hashing"
import { badRequest, unprocessable } from "./api-error"

export interface StoredResponse<B> {
  status: 200 | 201
  body: B
}

const MAX_KEY_LENGTH = 200

/** Reads and checks the Idempotency-Key header (optional, but bounded when sent). */
export function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined
  const key = header.trim()
  if (key.length === 0 || key.length > MAX_KEY_LENGTH)
    throw badRequest(`Idempotency-Key must be 1..${MAX_KEY_LENGTH} characters`)
  return key
}

type KeyColumns = Pick<IdempotencyKeysTable, "token_id" | "scope" | "idempotency_key">

const storedResponse = preparedQuery<KeyColumns, Pick<IdempotencyKeysTable, "request_hash" | "status" | "response_body">>((db, slot) =>
  db
    .selectFrom("idempotency_keys")
    .select(["request_hash", "status", "response_body"])
    .where("token_id", "=", slot("token_id"))
    .where("scope", "=", slot("scope"))
    .where("idempotency_key", "=", slot("idempotency_key"))
)

const storeResponse = preparedQuery<IdempotencyKeysTable, never>((db, slot) =>
  db.insertInto("idempotency_keys").values({
    token_id: slot("token_id"),
    scope: slot("scope"),
    idempotency_key: slot("idempotency_key"),
    request_hash: slot("request_hash"),
    status: slot("status"),
    response_body: slot("response_body"),
    created_at: slot("created_at")
  })
)

/**
 * Runs `work` at most once per (token, scope, key). A retry with the same body gets the original
 * status and body back; the same key with a different body is a client bug → 422. The key is
 * recorded in the same transaction as the work, so a crash cannot separate them.
 */
export async function runIdempotent<B>(
  services: Services,
  caller: Caller,
  scope: string,
  key: string | undefined,
  requestBody: unknown,
  work: (trx: Transaction<Database>, afterCommit: AfterCommit) => Promise<StoredResponse<B>>
): Promise<StoredResponse<B>> {
  if (key === undefined) return inTransaction(services.db, work)
  const requestHash = sha256Hex(canonicalJson(requestBody))
  const attempt = () =>
    inTransaction(services.db, async (trx, afterCommit) => {
      const keyColumns: KeyColumns = { token_id: caller.tokenId, scope, idempotency_key: key }
      const stored = await firstRow(storedResponse(trx, keyColumns))
      if (stored) {
        if (stored.request_hash !== requestHash)
          throw unprocessable("this Idempotency-Key was already used with a different request body")
        return { status: Number(stored.status) as 200 | 201, body: JSON.parse(stored.response_body) as B }
      }
      const response = await work(trx, afterCommit)
      await storeResponse(trx, {
        ...keyColumns,
        request_hash: requestHash,
        status: response.status,
        response_body: JSON.stringify(response.body),
        created_at: services.now().toISOString()
      })
      return response
    })
  try {
    return await attempt()
  } catch (error) {
    // Two first attempts racing on Postgres: the loser hits the primary key; its retry replays.
    if (isUniqueViolation(error)) return attempt()
    throw error
  }
}
