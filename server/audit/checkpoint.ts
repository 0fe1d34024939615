import { createPublicKey, sign, verify } from "node:crypto"
import type { Kysely } from "kysely"
import type { AuditCheckpoint, AuditHead } from "~src/domain"
import { canonicalJson } from "~src/domain/canonical-json"
import type { Database } from "../db/schema"
import { GENESIS_HASH } from "./chain"
import type { AuditKeys } from "./keys"

/** What is signed: the canonical JSON of the head, nothing else. */
const signedText = (head: AuditHead): Buffer => Buffer.from(canonicalJson({ seq: head.seq, hash: head.hash, at: head.at }), "utf8")

/** The newest entry's seq and hash (seq 0 and the genesis hash for an empty log). */
export async function auditHead(db: Kysely<Database>, at: Date): Promise<AuditHead> {
  const row = await db.selectFrom("audit_log").select(["seq", "hash"]).orderBy("seq", "desc").limit(1).executeTakeFirst()
  return { seq: Number(row?.seq ?? 0), hash: row?.hash ?? GENESIS_HASH, at: at.toISOString() }
}

/** Signs `head` with the checkpoint key (Ed25519), to be kept outside the server. */
export function signCheckpoint(keys: AuditKeys, head: AuditHead): AuditCheckpoint {
  const signature = sign(null, signedText(head), keys.checkpoint.privateKey).toString("base64")
  return { ...head, algorithm: "ed25519", signature, publicKey: keys.checkpoint.publicKeyPem }
}

/**
 * Does the signature hold for the checkpoint's own public key? (Which key is expected is the
 * caller's question: compare `publicKey` with the one you kept.) Runs anywhere, without the server.
 */
export function checkpointSignatureHolds(checkpoint: AuditCheckpoint): boolean {
  try {
    return verify(null, signedText(checkpoint), createPublicKey(checkpoint.publicKey), Buffer.from(checkpoint.signature, "base64"))
  } catch {
    return false
  }
}
