import { createHash } from "node:crypto"
import { canonicalJson } from "~src/domain/canonical-json"

export const sha256Hex = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex")

/** The approval binding's hash: sha256 of the canonical JSON of the change as approved. */
export const contentHashOf = (change: unknown): string => sha256Hex(canonicalJson(change))
