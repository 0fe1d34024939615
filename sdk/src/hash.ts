import type { Change } from "~src/domain"
import { contentHashOf } from "~server/hashing"

/**
 * The approval binding's hash of a change, computed exactly as the server does (it is the
 * server's own function: sha256 of the canonical JSON, keys sorted at every depth). An agent
 * compares it with the approved `contentHash` before applying, and reports it with the execution.
 */
export const canonicalHash = (change: Change): string => contentHashOf(change)
