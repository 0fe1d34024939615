import { createHash } from "node:crypto"
import type { Change } from "~src/domain"
import { canonicalJson } from "~src/domain/canonical-json"

/**
 * The approval binding's hash of a change: sha256 of its canonical JSON (keys sorted at every
 * depth). The server binds approvals with this very function, so an agent that compares it with
 * the approved `contentHash` before applying, and reports it with the execution, cannot drift.
 */
export const canonicalHash = (change: Change): string => createHash("sha256").update(canonicalJson(change), "utf8").digest("hex")
