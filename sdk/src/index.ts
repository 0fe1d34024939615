/**
 * The Signoff SDK for agent authors: propose, wait for a person's decision, apply exactly what
 * was approved, report it; hear of a revert; read a proposal's history; cancel, list, batch;
 * verify webhooks. Types are the server's own
 * zod schemas (src/domain), inferred, never copied.
 */
export { SignoffClient, MAX_WAIT_SECONDS } from "./client"
export type { BatchItemResult, CreatedProposal, ProposalFilter, SignoffClientOptions, WaitOptions } from "./client"
export { describeRejection, outcomeOf, type DecisionOutcome } from "./decision"
export { SignoffApiError, SignoffNetworkError } from "./errors"
export { canonicalHash } from "./hash"
export { WebhookVerificationError, verifyWebhook } from "./webhooks"
export type { Change, DecisionReason, ExecutionReport, Proposal, ProposalCreate, ProposalStatus, RejectionReasonCode } from "~src/domain"
export type { WebhookEvent, WebhookEventType } from "~src/domain/webhooks"
export type { HistoryEntry, ProposalHistory } from "~src/domain/history"
