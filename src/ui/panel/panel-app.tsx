import { useEffect, useMemo, useState } from "react"
import type { Entity, Workflow } from "~src/domain"
import { needsReview } from "~src/local/needs-review"
import type { LocalProposal } from "~src/local/local-proposal"
import { platformById } from "~src/platforms"
import { tenantMatch, tenantNote } from "~src/platforms/tenant"
import { availableActions } from "~src/ui/proposal/available-actions"
import { ProposalCard, type CardDecision, type CardMode } from "~src/ui/proposal/proposal-card"
import { useTrustPolicy } from "~src/ui/proposal/trusted-events"
import { errorText, useAsk } from "~src/ui/query-client"
import { EmptyMessage, NotConfiguredMessage, UnreachableMessage, UnreadablePageMessage } from "./panel-message"
import { relatedSectionNote } from "./related-section"
import { SyncStatusBanner } from "./sync-status-banner"
import { useDecision } from "./use-decision"
import { useReviewClock } from "./use-review-clock"
import { useReviewShortcuts } from "./use-review-shortcuts"
import { useTabProposals } from "./use-tab-proposals"

export interface PanelAppProps {
  /** The host page's URL as the content script reports it; null when unknown (tests). */
  pageUrl?: string | null
  /** The reviewer closed the panel (✕ or Escape): the content script hides the frame. */
  onClose: () => void
  /** The panel frame's own window: keys act only while focus is inside it. */
  win?: Window
  /** Tests shorten the fallback poll. */
  refetchIntervalMs?: number
}

type PanelState = "loading" | "unreachable" | "not-configured" | "unreadable" | "ready"

/** The side panel for the proposals about the entity the tab shows (the background reads it off the tab's URL). */
export function PanelApp({ pageUrl = null, onClose, win = window, refetchIntervalMs }: PanelAppProps) {
  const ask = useAsk()
  const trust = useTrustPolicy()
  const [activeId, setActiveId] = useState<string | null>(null)
  const [mode, setMode] = useState<CardMode>("view")
  const [focusRequest, setFocusRequest] = useState<string | null>(null)

  const query = useTabProposals(pageUrl, refetchIntervalMs)
  const { submit, dismiss } = useDecision()
  const data = query.data
  const entity = data?.entity ?? null
  const proposals = useMemo(() => data?.proposals ?? [], [data])
  const related = useMemo(() => data?.related ?? [], [data])
  const items = useMemo(() => [...proposals, ...related], [proposals, related])
  const workflows = useMemo(() => new Map<string, Workflow>((data?.workflows ?? []).map((w) => [w.id, w])), [data?.workflows])
  const online = data?.status.online ?? true
  const state: PanelState = query.isError ? "unreachable" : !data ? "loading" : !data.status.configured ? "not-configured" : !entity ? "unreadable" : "ready"
  const reviewTime = useReviewClock(activeId)

  // A proposal opened from the popup: the background remembers it for this tab, we ask once.
  useEffect(() => {
    let cancelled = false
    ask({ type: "panel.focusRequest" })
      .then(({ proposalId }) => {
        if (!cancelled && proposalId) setFocusRequest(proposalId)
      })
      .catch(() => {}) // no focus request is the normal case; an unreachable worker shows in the panel
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
    true,
    {
      next: () => move(1),
      previous: () => move(-1),
      approve: () => canDo("approve") && active && decide(active, { action: "approve" }),
      reject: () => canDo("reject") && setMode("rejecting"),
      edit: () => canDo("edit") && setMode("editing"),
      escape: () => {
        if (mode !== "view") return setMode("view")
        onClose()
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
      tenantNote={entity ? tenantNote(p.target.platform, tenantMatch(p.target.tenant, entity.tenant), p.target.tenant) : null}
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
    <aside id="signoff-panel" tabIndex={-1} className="signoff panel" aria-label="Signoff review panel">
      <header className="panel-header">
        <div>
          <h2>Signoff</h2>
          <p className="entity-label">{entityLabel(entity)}</p>
        </div>
        <button type="button" className="link close" aria-label="Close Signoff panel" onClick={onClose}>
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
        {state === "unreadable" && <UnreadablePageMessage />}
        {state === "unreachable" && <UnreachableMessage detail={errorText(query.error)} />}
        {state === "not-configured" && <NotConfiguredMessage />}
        {state === "loading" && <p className="message">Loading proposals…</p>}
        {state === "ready" && entity && (
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
  )
}

function entityLabel(entity: Entity | null): string {
  if (!entity) return "No record on this page"
  const name = entity.label ?? `${entity.kind} ${entity.id}`
  return entity.tenant ? `${name} · ${platformById(entity.platform)?.tenantNoun ?? "account"} ${entity.tenant}` : name
}
