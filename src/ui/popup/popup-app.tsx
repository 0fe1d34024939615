import { useQueryClient } from "@tanstack/react-query"
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from "react"
import { escalationList } from "~src/queue/escalations"
import { errorText, queryKeys } from "~src/ui/query-client"
import { BulkApprove } from "./bulk-approve"
import { popupCss } from "./popup-styles"
import { buildQueue, filterQueue, NO_FILTER, summarizeQueue, type QueueFilter } from "~src/queue/review-queue"
import type { QueueItem } from "~src/local/queue-head"
import { QueueFilters } from "./queue-filters"
import { QueueList } from "./queue-list"
import { QueueSummaryView } from "./queue-summary-view"
import { RejectForm } from "./reject-form"
import { SyncStatusBar } from "./sync-status-bar"
import { queueVersion, useDismissNotice, useOpenProposal, useQueue, useQueueHead, useSubmitDecision, useSyncStatus } from "./use-queue"
import { useQueueKeyboard } from "./use-queue-keyboard"

const CLOCK_TICK_MS = 30_000

// Screens other than the queue, and a proposal's detail (its card with DOMPurify and diff), are
// loaded on demand (one chunk, see more-screens.ts): the popup's first paint carries the queue only.
const moreScreens = () => import("./more-screens")
const ProposalDetail = lazy(() => moreScreens().then((m) => ({ default: m.ProposalDetail })))
const SummaryScreen = lazy(() => moreScreens().then((m) => ({ default: m.SummaryScreen })))
const EscalationsScreen = lazy(() => moreScreens().then((m) => ({ default: m.EscalationsScreen })))
const TierSettingsScreen = lazy(() => moreScreens().then((m) => ({ default: m.TierSettingsScreen })))

type Screen = "queue" | "summary" | "escalations" | "workflows"
const SCREENS: { id: Screen; label: string }[] = [
  { id: "queue", label: "Queue" },
  { id: "summary", label: "Daily summary" },
  { id: "escalations", label: "Escalations" },
  { id: "workflows", label: "Workflows" }
]

function useNow(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_TICK_MS)
    return () => clearInterval(timer)
  }, [])
  return now
}

/** The manager's toolbar popup: what is waiting, by tier and workflow, and the queue itself. */
export function PopupApp({ openSettings }: { openSettings?: () => void }) {
  const queryClient = useQueryClient()
  // First paint from the head (counts + first rows); the whole queue is asked for once the head
  // is in, and from then on the popup works from it alone (the head is not re-read).
  const wholeQueueLoaded = queryClient.getQueryState(queryKeys.queue)?.data !== undefined
  const head = useQueueHead({ enabled: !wholeQueueLoaded })
  const queue = useQueue({ enabled: wholeQueueLoaded || head.status !== "pending" })
  const syncStatus = useSyncStatus()
  const now = useNow()
  const status = syncStatus.data ?? queue.data?.status ?? head.data?.status
  // Re-read the queue when a sync pulled something or the outbox moved, not on a timer.
  const version = queueVersion(syncStatus.data)
  const seenVersion = useRef(version)
  useEffect(() => {
    if (version === seenVersion.current) return
    const first = seenVersion.current === null
    seenVersion.current = version
    if (!first) void queryClient.invalidateQueries({ queryKey: queryKeys.queue })
  }, [version, queryClient])
  // Plasmo's generated popup.html has no lang attribute (screen readers need it; axe: html-has-lang).
  useEffect(() => {
    document.documentElement.lang = "en"
    document.title = "Signoff queue"
  }, [])
  const submit = useSubmitDecision()
  const openProposal = useOpenProposal()
  const dismiss = useDismissNotice()
  const [filter, setFilter] = useState<QueueFilter>(NO_FILTER)
  const [selection, setSelection] = useState({ index: 0, byKeyboard: false })
  const [detailId, setDetailId] = useState<string | null>(null)
  const [rejectingId, setRejectingId] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [approvingIds, setApprovingIds] = useState<ReadonlySet<string>>(new Set())
  const [screen, setScreen] = useState<Screen>("queue")

  const whole = queue.data
  const shown = whole ?? head.data
  const workflows = shown?.workflows
  const items = useMemo(() => (whole ? buildQueue(whole.proposals, whole.workflows) : (head.data?.items ?? [])), [whole, head.data])
  const summary = useMemo(() => (!whole && head.data ? head.data.summary : summarizeQueue(items)), [whole, head.data, items])
  // Filters and bulk approve act on the whole queue: offered once it is here.
  const visible = useMemo(() => (whole ? filterQueue(items, filter) : items), [whole, items, filter])
  const selectedIndex = Math.min(selection.index, Math.max(visible.length - 1, 0))
  const selected: QueueItem | undefined = visible[selectedIndex]
  const findItem = (id: string | null) => (id ? items.find((i) => i.proposal.id === id) : undefined)
  const detail = findItem(detailId)
  const rejecting = findItem(rejectingId)
  const escalations = useMemo(() => (whole ? escalationList(items, now).length : null), [whole, items, now])

  function quickApprove(item: QueueItem) {
    if (!item.quickApprovable) {
      setNotice(`“${item.proposal.title}” is not low-risk: open it to review before approving.`)
      return
    }
    setNotice(null)
    const id = item.proposal.id
    setApprovingIds((ids) => new Set(ids).add(id))
    submit.mutate(
      { proposalId: id, action: "approve", proposalVersion: item.proposal.version },
      {
        onError: (error) => setNotice(`Could not approve “${item.proposal.title}”: ${errorText(error)}`),
        onSettled: () =>
          setApprovingIds((ids) => {
            const rest = new Set(ids)
            rest.delete(id)
            return rest
          })
      }
    )
  }

  function open(item: QueueItem) {
    if (item.proposal.target.url) {
      openProposal.mutate(item.proposal.id, {
        onError: (error) => setNotice(`Could not open the page: ${errorText(error)}`)
      })
    } else {
      setDetailId(item.proposal.id)
    }
  }

  useQueueKeyboard(
    {
      next: () => setSelection({ index: Math.min(selectedIndex + 1, visible.length - 1), byKeyboard: true }),
      previous: () => setSelection({ index: Math.max(selectedIndex - 1, 0), byKeyboard: true }),
      approve: () => selected && quickApprove(selected),
      reject: () => selected && setRejectingId(selected.proposal.id)
    },
    screen === "queue" && !detail && !rejecting && visible.length > 0
  )

  return (
    <>
      <style>{popupCss}</style>
      <main className="popup">
        <header className="popup-header">
          <h1>Signoff</h1>
          {openSettings && (
            <button type="button" className="secondary small" onClick={openSettings}>
              Settings
            </button>
          )}
        </header>
        <nav className="screens" aria-label="Popup screens">
          {SCREENS.map(({ id, label }) => (
            <button
              key={id}
              type="button"
              className={`screen-tab${screen === id ? " current" : ""}`}
              aria-current={screen === id ? "page" : undefined}
              onClick={() => {
                setScreen(id)
                setDetailId(null)
              }}
            >
              {label}
              {/* The count is part of the visible name (axe: label-content-name-mismatch), read as "Escalations: 2". */}
              {id === "escalations" && escalations !== null && escalations > 0 && (
                <span className="count">
                  <span className="visually-hidden">:</span> {escalations}
                </span>
              )}
            </button>
          ))}
        </nav>
        <SyncStatusBar status={status} nowMs={now} />
        {!shown && !queue.isError && <p role="status">Loading the queue…</p>}
        {/* A failed head only means waiting for the whole queue, which is asked for next. */}
        {queue.isError && (
          <p role="alert" className="error">
            Could not load the queue: {errorText(queue.error)}
          </p>
        )}
        {notice && (
          <p role="alert" className="notice">
            {notice}
          </p>
        )}
        {screen !== "queue" && !detail && (
          <Suspense fallback={<p role="status">Loading…</p>}>
            {screen === "summary" && <SummaryScreen />}
            {screen === "escalations" && <EscalationsScreen items={whole ? items : null} nowMs={now} onOpen={open} />}
            {screen === "workflows" && <TierSettingsScreen />}
          </Suspense>
        )}
        {rejecting && !detail && screen === "queue" && <RejectForm proposal={rejecting.proposal} onClose={() => setRejectingId(null)} />}
        {detail ? (
          <Suspense fallback={<p role="status">Loading…</p>}>
            <ProposalDetail
              key={detail.proposal.id}
              proposalId={detail.proposal.id}
              workflow={workflows?.find((w) => w.id === detail.proposal.workflowId)}
              online={status?.online ?? true}
              onBack={() => setDetailId(null)}
            />
          </Suspense>
        ) : (
          screen === "queue" &&
          shown && (
            <>
              <QueueSummaryView summary={summary} nowMs={now} />
              {whole && <QueueFilters filter={filter} onChange={setFilter} summary={summary} />}
              <div className="list-toolbar">
                <span className="hint">J/K move · A approve · R reject</span>
                {whole ? (
                  <BulkApprove items={visible} />
                ) : (
                  <span role="status" className="hint">
                    Loading all {summary.total}…
                  </span>
                )}
              </div>
              <QueueList
                items={visible}
                total={whole ? visible.length : summary.total}
                selectedIndex={selectedIndex}
                focusSelected={selection.byKeyboard}
                nowMs={now}
                onSelect={(index) => setSelection({ index, byKeyboard: false })}
                onOpen={open}
                onQuickApprove={quickApprove}
                onDismiss={(item) => dismiss.mutate(item.proposal.id)}
                approvingIds={approvingIds}
              />
            </>
          )
        )}
      </main>
    </>
  )
}
