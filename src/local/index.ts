// The extension's local vocabulary: what its cache holds and its pages show, on top of the domain.
// db, sync, queue, messaging and the UI read it; it reads only src/domain.
export { DecisionRequest, toDecisionCreate } from "./decision-request"
export { LauncherState } from "./launcher-state"
export { LocalProposal, LocalState, QueueEntry } from "./local-proposal"
export { PublicSettings } from "./public-settings"
export { QueueHead, QueueItem, QueueSummary } from "./queue-head"
export { needsReview } from "./needs-review"
export { toQueueEntry } from "./queue-entry"
export { SyncStatus } from "./sync-status"
export { timeAgo } from "./time-ago"
