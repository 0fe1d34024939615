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
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) throw badRequest(`Idempotency-Key must be 1..${MAX_KEY_LENGTH} characters`)
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

const recordResponse = preparedQuery<KeyColumns & Pick<IdempotencyKeysTable, "status" | "response_body">, never>((db, slot) =>
  db
    .updateTable("idempotency_keys")
    .set({ status: slot("status"), response_body: slot("response_body") })
    .where("token_id", "=", slot("token_id"))
    .where("scope", "=", slot("scope"))
    .where("idempotency_key", "=", slot("idempotency_key"))
)

/**
 * Runs `work` at most once per (token, scope, key). A retry with the same body gets the original
 * status and body back; the same key with a different body is a client bug → 422. The key is
 * recorded in the same transaction as the work, so a crash cannot separate them.
 *
 * The key's row is inserted first, before the work: a retry arriving while the first attempt
 * still runs blocks on that row (Postgres' unique index; SQLite runs one transaction at a time),
 * and once the first commits it replays the stored response — instead of doing the work again
 * and answering 409 against the state the first attempt just wrote. A refused first attempt
 * rolls the row back, so the retry then runs as new.
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
        if (stored.request_hash !== requestHash) throw unprocessable("this Idempotency-Key was already used with a different request body")
        return { status: Number(stored.status) as 200 | 201, body: JSON.parse(stored.response_body) as B }
      }
      await storeResponse(trx, { ...keyColumns, request_hash: requestHash, status: 0, response_body: "", created_at: services.now().toISOString() })
      const response = await work(trx, afterCommit)
      await recordResponse(trx, { ...keyColumns, status: response.status, response_body: JSON.stringify(response.body) })
      return response
    })
  try {
    return await attempt()
  } catch (error) {
    // Two attempts racing on Postgres: the later one waited on the key's row and then hit the
    // primary key when the first committed; looked up again, it replays.
    if (isUniqueViolation(error)) return attempt()
    throw error
  }
}
