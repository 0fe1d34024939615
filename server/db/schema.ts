/**
 * Table shapes as Kysely sees them. Portable across SQLite and Postgres on purpose:
 * booleans are 0/1 integers, JSON is text, times are ISO-8601 text (UTC, sortable).
 */
export interface Database {
  counters: CountersTable
  principals: PrincipalsTable
  tokens: TokensTable
  workflows: WorkflowsTable
  proposals: ProposalsTable
  decisions: DecisionsTable
  idempotency_keys: IdempotencyKeysTable
  audit_log: AuditLogTable
  custom_domains: CustomDomainsTable
  webhooks: WebhooksTable
  webhook_messages: WebhookMessagesTable
  webhook_deliveries: WebhookDeliveriesTable
  proposal_notices: ProposalNoticesTable
  settings: SettingsTable
}

/** A person or an agent; tokens belong to one. Quorum and the audit log count principals. */
export interface PrincipalsTable {
  id: string
  name: string
  role: string
  email: string | null
  created_at: string
}

/**
 * Server facts and settings kept with the data: `audit_key_id` (which key signs the audit chain;
 * never the key), `deadlines` (JSON DeadlineSettings: default deadlines per tier, reminder share).
 */
export interface SettingsTable {
  name: string
  value: string
}

/**
 * One row per sequence (`proposal_seq`, `audit_seq`); incremented in the writer's transaction.
 * `webhook_audit_cursor` is the last audit seq the webhook dispatcher has turned into deliveries.
 */
export interface CountersTable {
  name: string
  value: number
}

export interface TokensTable {
  id: string
  /** sha256 hex of the token; the token itself is never stored. */
  token_hash: string
  /** The principal's role, copied at issue (a principal's role never changes). */
  role: string
  /** The token's own label; the principal's name is what decisions show. */
  name: string
  created_at: string
  principal_id: string
  /** JSON: `"*"` or an array of workflow ids an agent token may propose into. */
  workflows: string
  expires_at: string | null
  revoked_at: string | null
}

export interface WorkflowsTable {
  id: string
  name: string
  model: string
  threshold: number
  quorum: number
  expiry_hours: number | null
  paused: number
  created_at: string
  updated_at: string
  /** JSON array of ReviewRule. */
  review_rules: string
  /** Items of what ran that the daily summary samples for a spot check. */
  spot_check_size: number
}

export interface ProposalsTable {
  id: string
  workflow_id: string
  /** The token that created it. */
  created_by_token: string
  /** The principal whose token created it: agents read only their principal's proposals. */
  created_by_principal: string | null
  status: string
  version: number
  seq: number
  platform: string
  target_kind: string
  target_id: string
  /** JSON of the ProposalCreate body, as the agent sent it (after validation). */
  body: string
  edited_change: string | null
  content_hash: string | null
  base_snapshot_hash: string | null
  /** JSON array of the principal ids approving the current content (quorum bookkeeping). */
  approvers: string
  quorum: number
  expires_at: string | null
  /** When a reminder about it is due while pending (a share of the time to expires_at), fixed at creation. */
  remind_at: string | null
  created_at: string
  updated_at: string
  /** JSON ProposalReview: why it was held or auto-approved at creation. */
  review: string | null
}

export interface DecisionsTable {
  id: string
  proposal_id: string
  action: string
  actor_name: string
  actor_role: string
  actor_principal_id: string | null
  reason_code: string | null
  reason_text: string | null
  edits: string | null
  proposal_version: number
  review_ms: number | null
  /** Policy decisions (auto-approval, expiry) name the workflow rule that made them. */
  rule: string | null
  created_at: string
}

export interface IdempotencyKeysTable {
  token_id: string
  /** Route plus resource, e.g. `POST /v1/proposals/01J…/decisions`: a key is scoped per token and route. */
  scope: string
  idempotency_key: string
  request_hash: string
  status: number
  response_body: string
  created_at: string
}

export interface AuditLogTable {
  seq: number
  at: string
  event: string
  actor_name: string
  actor_role: string
  actor_principal_id: string | null
  proposal_id: string | null
  workflow_id: string | null
  data: string
  prev_hash: string
  hash: string
}

/** Hosts where a platform runs on a customer's own domain: agents' target URLs on them are accepted. */
export interface CustomDomainsTable {
  host: string
  platform: string
  created_at: string
}

export interface WebhooksTable {
  id: string
  url: string
  /** JSON array of WebhookEventType. */
  events: string
  description: string | null
  /** `whsec_…`: kept in clear because every delivery is signed with it; shown to the admin once. */
  secret: string
  /** The secret before the last rotation; deliveries carry its signature too until it expires. */
  previous_secret: string | null
  previous_secret_expires_at: string | null
  enabled: number
  disabled_reason: string | null
  /** Audit entries up to this seq happened before the webhook existed and are not sent to it. */
  from_audit_seq: number
  created_at: string
  updated_at: string
}

/** One event, signed and sent to every webhook subscribed to it; `id` is the `webhook-id` header. */
export interface WebhookMessagesTable {
  id: string
  event_type: string
  /** The audit entry it comes from; null for notices (proposal.expiring) that change nothing. */
  audit_seq: number | null
  proposal_id: string | null
  /** The exact JSON body sent (and signed) on every attempt. */
  payload: string
  created_at: string
}

export interface WebhookDeliveriesTable {
  id: string
  message_id: string
  webhook_id: string
  /** pending (to send at next_attempt_at) | succeeded | failed (retries exhausted, or 410 Gone). */
  status: string
  attempts: number
  next_attempt_at: string | null
  last_attempt_at: string | null
  last_status_code: number | null
  last_error: string | null
  delivered_at: string | null
  created_at: string
}

/** Notices already sent about a proposal (kind `expiring`), so each goes out once. */
export interface ProposalNoticesTable {
  proposal_id: string
  kind: string
  created_at: string
}
