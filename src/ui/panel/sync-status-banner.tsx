import type { SyncStatus } from "~src/local/sync-status"

/** Offline or failing sync: the panel still works from the local copy and decisions wait in the outbox. */
export function SyncStatusBanner({ status }: { status: SyncStatus }) {
  if (status.online && !status.error) return null
  const lastSync = status.lastSyncAt ? `Last synced ${new Date(status.lastSyncAt).toLocaleString()}.` : "Not synced yet."
  return (
    <div className="banner offline" role="status">
      <strong>{status.online ? "Server unreachable" : "Offline"}</strong> — showing saved proposals. {lastSync} Decisions are queued
      {status.outboxSize > 0 ? ` (${status.outboxSize} waiting)` : ""} and sent when the server is reachable.
      {status.error && <div className="muted">{status.error}</div>}
    </div>
  )
}
