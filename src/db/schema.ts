import type { Account, DecisionCreate, Me, Workflow } from "~src/domain"
import type { LocalProposal, QueueEntry } from "~src/local/local-proposal"

/** A cached proposal: the server's copy plus local state, with the lookup key the panel queries by. */
export type CachedProposal = LocalProposal & {
  /** `platform:kind:id`, see targetKey() in src/domain/platform.ts. */
  targetKey: string
  /** targetKey() of each entity the target belongs to (parentKeys() in src/domain/platform.ts); multi-entry index since v2. */
  parentKeys: string[]
}

/**
 * A decision waiting to reach the server, or one the server refused (kept so it is shown, never dropped).
 * `pending` entries are pushed in `id` order; sent ones are deleted.
 */
export type OutboxState = "pending" | "conflicted" | "failed"

export interface OutboxEntry {
  /** Auto-increment: the order decisions were made in. */
  id?: number
  /** Generated once at enqueue and sent on every retry, so a retried decision is recorded once. */
  idempotencyKey: string
  proposalId: string
  body: DecisionCreate
  state: OutboxState
  attempts: number
  /** Epoch ms before which a retry is not attempted (backoff). */
  nextAttemptAt: number
  /** Why the last attempt did not go through; for conflicted/failed entries, the message shown to the user. */
  lastError: string | null
  createdAt: string
  /** When the state last changed (a conflict's "at"). */
  updatedAt: string
  /**
   * Who made the decision, on which server: it is only ever sent with that account's token.
   * Absent on entries queued before accounts were recorded; those are bound to the account
   * connected when they are first pushed (what they were sent with before).
   */
  account?: Account
  /** The proposal as the queue listed it when decided: shown while another account is connected and the cache no longer holds it. */
  snapshot?: QueueEntry
}

export type SyncProgress = { pulled: number }

/** Key/value rows of the sync engine's durable state. */
export interface MetaValues {
  /** The last `nextSince` fully written to the cache. */
  cursor: number
  lastSyncAt: string | null
  lastError: { message: string; network: boolean; at: string } | null
  progress: SyncProgress | null
  /** Who the token belongs to, for "awaiting this reviewer". */
  me: Me | null
  /** proposal.open: the proposal the user asked to see, per tab id (survives worker restarts). */
  focusByTab: Record<string, string>
}
export type MetaKey = keyof MetaValues
export interface MetaRow<K extends MetaKey = MetaKey> {
  key: K
  value: MetaValues[K]
}

/** Stored only in the extension origin's IndexedDB: content scripts cannot read it (chrome.storage.local they could). */
export interface StoredSettings {
  serverUrl: string
  token: string | null
  notifications: boolean
  syncIntervalMinutes: number
}
export interface SettingsRow extends StoredSettings {
  key: "current"
}

export type CachedWorkflow = Workflow
