import { useEffect, useMemo, useRef, useState } from "react"
import type { Entity } from "~src/context/entity"
import type { Workflow } from "~src/domain"
import type { LocalProposal } from "~src/messaging/messages"
import { availableActions } from "~src/ui/proposal/available-actions"
import { ProposalCard, type CardDecision, type CardMode } from "~src/ui/proposal/proposal-card"
import { useTrustPolicy } from "~src/ui/proposal/trusted-events"
import { errorText, useAsk } from "~src/ui/query-client"
import { Launcher } from "./launcher"
import { launcherState, needsReview } from "./launcher-label"
import { relatedSectionNote } from "./related-section"
import { EmptyMessage, NotConfiguredMessage, UnreachableMessage, UnreadablePageMessage } from "./panel-message"
import { SyncStatusBanner } from "./sync-status-banner"
import { useDecision } from "./use-decision"
import { useEntityProposals } from "./use-entity-proposals"
import { useReviewClock } from "./use-review-clock"
import { useReviewShortcuts } from "./use-review-shortcuts"

export interface PanelAppProps {
  /** The entity on screen, from the navigation watcher; null where the URL names none. */
  entity: Entity | null
  /** The window whose keys drive the shortcuts (the host page's). */
  win?: Window
  /** Tests shorten the refetch intervals. */
  refetchIntervals?: { open: number; closed: number }
}

/** Launcher + side panel for the proposals about the entity on screen. */
export function PanelApp({ entity, win = window, refetchIntervals }: PanelAppProps) {
  const ask = useAsk()
  const trust = useTrustPolicy()
  const [open, setOpen] = useState(false)
  const [activeId, setActiveId] = useState<string | null>(null)
  const [mode, setMode] = useState<CardMode>("view")
  const [focusRequest, setFocusRequest] = useState<string | null>(null)
  const launcherRef = useRef<HTMLButtonElement>(null)

  const query = useEntityProposals(entity, open, refetchIntervals)
  const { submit, dismiss } = useDecision()
  const data = entity ? query.data : undefined
  const proposals = useMemo(() => data?.proposals ?? [], [data])
  const related = useMemo(() => data?.related ?? [], [data])
  const items = useMemo(() => [...proposals, ...related], [proposals, related])
  const workflows = useMemo(() => new Map<string, Workflow>((data?.workflows ?? []).map((w) => [w.id, w])), [data?.workflows])
  const online = data?.status.online ?? true
  const state = launcherState(entity, { isPending: query.isPending, isError: query.isError, data })
  const reviewTime = useReviewClock(open ? activeId : null)

  // A proposal opened from the popup: the background remembers it for this tab, we ask once.
  useEffect(() => {
    let cancelled = false
    ask({ type: "panel.focusRequest" })
      .then(({ proposalId }) => {
        if (cancelled || !proposalId) return
        setFocusRequest(proposalId)
        setOpen(true)
      })
      .catch(() => {}) // no focus request is the normal case; an unreachable worker shows in the launcher
    return () => {
      cancelled = true
    }
  }, [ask])

  // Keep the open item valid as data and pages change: the requested one, else the first to review.
  useEffect(() => {
    if (focusRequest && items.some((p) => p.id === focusRequest)) {
      setActiveId(focusRequest)
      setFocusRequest(null)
      return
    }
    if (activeId && items.some((p) => p.id === activeId)) return
    setActiveId((items.find(needsReview) ?? items[0])?.id ?? null)
    setMode("view")
  }, [items, activeId, focusRequest])

  const active = items.find((p) => p.id === activeId)
  const activate = (id: string | null) => {
    setActiveId(id)
    setMode("view")
  }
  const move = (step: 1 | -1) => {
    if (items.length === 0) return
    const index = items.findIndex((p) => p.id === activeId)
    activate(items[Math.min(items.length - 1, Math.max(0, index + step))].id)
  }

  const decide = (proposal: LocalProposal, decision: CardDecision) => {
    if (submit.isPending) return
    submit.mutate(
      { proposalId: proposal.id, proposalVersion: proposal.version, reviewMs: reviewTime(), ...decision },
      {
        onSuccess: () => {
          const next = items.find((p) => p.id !== proposal.id && needsReview(p))
          activate(next?.id ?? proposal.id)
        }
      }
    )
  }

  const canDo = (action: "approve" | "reject" | "edit") =>
    active !== undefined && mode === "view" && availableActions(active, workflows.get(active.workflowId)).includes(action)
  useReviewShortcuts(
    open,
    {
      next: () => move(1),
      previous: () => move(-1),
      approve: () => canDo("approve") && active && decide(active, { action: "approve" }),
      reject: () => canDo("reject") && setMode("rejecting"),
      edit: () => canDo("edit") && setMode("editing"),
      escape: () => {
        if (mode !== "view") return setMode("view")
        setOpen(false)
        launcherRef.current?.focus()
      }
    },
    trust,
    win
  )

  const renderCard = (p: LocalProposal) => (
    <ProposalCard
      key={p.id}
      proposal={p}
      workflow={workflows.get(p.workflowId)}
      open={p.id === activeId}
      mode={p.id === activeId ? mode : "view"}
      online={online}
      busy={submit.isPending}
      onOpen={() => activate(p.id === activeId ? null : p.id)}
      onModeChange={setMode}
      onDecide={(decision) => decide(p, decision)}
      onDismissNotice={() => dismiss.mutate(p.id)}
    />
  )

  return (
    <div className="signoff">
      <Launcher ref={launcherRef} state={state} open={open} onToggle={() => setOpen((o) => !o)} />
      {open && (
        <aside id="signoff-panel" className="panel" aria-label="Signoff review panel">
          <header className="panel-header">
            <div>
              <h2>Signoff</h2>
              <p className="entity-label">{entity?.label ?? "No record on this page"}</p>
            </div>
            <button type="button" className="link close" aria-label="Close Signoff panel" onClick={() => setOpen(false)}>
              ✕
            </button>
          </header>
          <div className="panel-body">
            {data && <SyncStatusBanner status={data.status} />}
            {submit.isError && (
              <p className="banner error" role="alert">
                The decision was not saved: {errorText(submit.error)}
              </p>
            )}
            {state.kind === "unreadable" && <UnreadablePageMessage />}
            {state.kind === "unreachable" && <UnreachableMessage detail={errorText(query.error)} />}
            {state.kind === "not-configured" && <NotConfiguredMessage />}
            {state.kind === "loading" && <p className="message">Loading proposals…</p>}
            {state.kind === "ready" && entity && (
              <>
                {proposals.length === 0 ? <EmptyMessage entity={entity} /> : <section aria-label="Proposals for this page">{proposals.map(renderCard)}</section>}
                {related.length > 0 && (
                  <section aria-labelledby="signoff-related" aria-describedby="signoff-related-note">
                    <h3 id="signoff-related" className="section-title">
                      Related
                    </h3>
                    <p id="signoff-related-note" className="section-note">
                      {relatedSectionNote(entity, related)}
                    </p>
                    {related.map(renderCard)}
                  </section>
                )}
              </>
            )}
          </div>
          <footer className="panel-footer" aria-label="Keyboard shortcuts">
            <kbd>J</kbd>/<kbd>K</kbd> move · <kbd>A</kbd> approve · <kbd>R</kbd> reject · <kbd>E</kbd> edit · <kbd>Esc</kbd> close
          </footer>
        </aside>
      )}
    </div>
  )
}
