import type { SyncStatus } from "~src/local/sync-status"
import { errorText } from "~src/ui/query-client"
import { useSyncNow } from "./use-queue"
import { formatWaiting } from "./waiting-time"

function describeStatus(status: SyncStatus, nowMs: number): { text: string; tone: "ok" | "warn" | "error" } {
  if (!status.configured) return { text: "Not connected: set the server URL and token in Settings", tone: "warn" }
  if (status.syncing) return { text: status.progress ? `Syncing… ${status.progress.pulled} pulled` : "Syncing…", tone: "ok" }
  if (status.error) return { text: `${status.online ? "Sync error" : "Offline"}: ${status.error}`, tone: "error" }
  if (!status.online) return { text: "Offline: decisions are kept and sent when the server is reachable", tone: "warn" }
  const last = !status.lastSyncAt
    ? "Never synced"
    : nowMs - Date.parse(status.lastSyncAt) < 60_000
      ? "Synced just now"
      : `Synced ${formatWaiting(Date.parse(status.lastSyncAt), nowMs)} ago`
  return { text: last, tone: "ok" }
}

export function SyncStatusBar({ status, nowMs }: { status: SyncStatus | undefined; nowMs: number }) {
  const syncNow = useSyncNow()
  const described = status ? describeStatus(status, nowMs) : { text: "Checking sync…", tone: "ok" as const }
  return (
    <section aria-label="Sync status" className={`sync sync-${described.tone}`}>
      <div role="status" aria-live="polite" className="sync-text">
        <span>{described.text}</span>
        {status && status.outboxSize > 0 && (
          <span className="outbox">
            {" "}
            · {status.outboxSize} decision{status.outboxSize === 1 ? "" : "s"} waiting to send
          </span>
        )}
        {syncNow.isError && <span className="error"> · Sync failed: {errorText(syncNow.error)}</span>}
      </div>
      <button
        type="button"
        className="secondary small"
        disabled={syncNow.isPending || status?.syncing || status?.configured === false}
        onClick={() => syncNow.mutate()}
      >
        Sync now
      </button>
    </section>
  )
}
