import { useEffect, useRef, useState } from "react"
import type { DecisionReason, Workflow } from "~src/domain"
import type { DecisionRequest } from "~src/local/decision-request"
import type { LocalProposal } from "~src/local/local-proposal"
import { ChangeEditor, ChangeView } from "~src/ui/changes/registry"
import { availableActions } from "./available-actions"
import { EvidenceList } from "./evidence-list"
import { ImpactSummary } from "./impact-summary"
import { LocalStateNotice } from "./local-state-notice"
import { confidenceText, ProposalMeta } from "./proposal-meta"
import { RejectReasonPicker } from "./reject-reason-picker"
import { RiskFlagList } from "./risk-flag-list"
import { useTrustedHandler } from "./trusted-events"

export type CardMode = "view" | "rejecting" | "editing"

/**
 * A decision as the card reports it. The caller adds the proposal id, its version and the
 * review time (it owns the clock, because keyboard shortcuts decide without the card).
 */
export type CardDecision = Omit<DecisionRequest, "proposalId" | "proposalVersion" | "reviewMs">

export interface ProposalCardProps {
  proposal: LocalProposal
  workflow: Workflow | undefined
  /** The open item: expanded, with actions; the others show a one-line summary. */
  open: boolean
  mode: CardMode
  online: boolean
  busy?: boolean
  onOpen: () => void
  onModeChange: (mode: CardMode) => void
  onDecide: (decision: CardDecision) => void
  onDismissNotice?: () => void
  /** Said when the page cannot confirm the proposal is about this account ("portal not stated by the agent"). */
  tenantNote?: string | null
}

const STATUS_LABELS: Record<LocalProposal["status"], string> = {
  pending: "Pending",
  approved: "Approved",
  rejected: "Rejected",
  executed: "Executed",
  failed: "Failed",
  reverted: "Reverted",
  expired: "Expired",
  auto_approved: "Auto-approved",
  cancelled: "Cancelled"
}

export function ProposalCard(props: ProposalCardProps) {
  const { proposal, workflow, open, mode, online, busy, onOpen, onModeChange, onDecide, onDismissNotice, tenantNote } = props
  const trusted = useTrustedHandler()
  const [edits, setEdits] = useState<Record<string, unknown> | null>(null)
  const actions = availableActions(proposal, workflow)
  const ref = useRef<HTMLElement>(null)

  useEffect(() => {
    if (mode !== "editing") setEdits(null)
  }, [mode])
  useEffect(() => {
    if (open) ref.current?.scrollIntoView?.({ block: "nearest" })
  }, [open])

  const decide = (decision: CardDecision) => onDecide(decision)

  const headingId = `proposal-${proposal.id}-title`
  return (
    <article ref={ref} className={`card${open ? " open" : ""}`} aria-labelledby={headingId} data-proposal-id={proposal.id}>
      <ImpactSummary impact={proposal.impact} />
      <h3 id={headingId} className="title">
        <button type="button" className="title-button" aria-expanded={open} onClick={trusted(() => onOpen())}>
          {proposal.title}
        </button>
      </h3>
      <p className="summary">{proposal.summary}</p>
      <p className="status-line">
        <span className={`badge status-${proposal.status}`}>{STATUS_LABELS[proposal.status]}</span>
        <span className="muted"> · {confidenceText(proposal.confidence)} confidence</span>
      </p>
      {tenantNote && <p className="tenant-note">⚠ {tenantNote}</p>}
      <LocalStateNotice local={proposal.local} online={online} onDismiss={onDismissNotice} />
      {open && (
        <div className="details">
          <ProposalMeta proposal={proposal} workflow={workflow} />
          <RiskFlagList risk={proposal.risk} />
          <ChangeView change={proposal.change} />
          <details className="why">
            <summary>What data it used</summary>
            <EvidenceList evidence={proposal.evidence} />
          </details>
          {proposal.rationale && (
            <details className="why">
              <summary>Rationale</summary>
              <p className="rationale">{proposal.rationale}</p>
            </details>
          )}
          {mode === "editing" && actions.includes("edit") && (
            <div className="editor" role="group" aria-label="Edit before approving">
              <ChangeEditor change={proposal.change} onEdits={setEdits} />
              <div className="actions">
                <button type="button" className="primary" disabled={!edits || busy} onClick={trusted(() => edits && decide({ action: "edit", edits }))}>
                  Save and approve
                </button>
                <button type="button" onClick={trusted(() => onModeChange("view"))}>
                  Cancel
                </button>
              </div>
            </div>
          )}
          {mode === "rejecting" && actions.includes("reject") && (
            <RejectReasonPicker onReject={(reason: DecisionReason) => decide({ action: "reject", reason })} onCancel={() => onModeChange("view")} />
          )}
          {mode === "view" && actions.length > 0 && (
            <div className="actions" role="group" aria-label="Decision">
              {actions.includes("approve") && (
                <button type="button" className="primary" disabled={busy} aria-keyshortcuts="A" onClick={trusted(() => decide({ action: "approve" }))}>
                  Approve
                </button>
              )}
              {actions.includes("reject") && (
                <button type="button" className="danger" disabled={busy} aria-keyshortcuts="R" onClick={trusted(() => onModeChange("rejecting"))}>
                  Reject
                </button>
              )}
              {actions.includes("edit") && (
                <button type="button" disabled={busy} aria-keyshortcuts="E" onClick={trusted(() => onModeChange("editing"))}>
                  Edit
                </button>
              )}
              {actions.includes("revert") && (
                <button type="button" className="danger" disabled={busy} onClick={trusted(() => decide({ action: "revert" }))}>
                  Revert
                </button>
              )}
              {actions.includes("pause") && (
                <button type="button" disabled={busy} onClick={trusted(() => decide({ action: "pause" }))}>
                  Pause workflow
                </button>
              )}
            </div>
          )}
        </div>
      )}
    </article>
  )
}
