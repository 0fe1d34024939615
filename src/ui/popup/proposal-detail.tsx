import { useState } from "react"
import type { Workflow } from "~src/domain/workflow"
import { CHANGE_CSS } from "~src/ui/changes/change-styles"
import { ProposalCard, type CardMode } from "~src/ui/proposal/proposal-card"
import { PROPOSAL_CSS } from "~src/ui/proposal/proposal-styles"
import { errorText } from "~src/ui/query-client"
import type { LocalProposal } from "~src/local/local-proposal"
import { useDismissNotice, useFullProposal, useSubmitDecision } from "./use-queue"

/** Colours the shared proposal card reads (the panel defines the same set on its shadow root). */
const CARD_THEME = `
.proposal-detail {
  --so-fg: #1d2433; --so-muted: #4a5468; --so-bg: #ffffff; --so-surface: #ffffff; --so-surface-2: #f4f6fa;
  --so-border: #d5dbe6; --so-accent: #1f4fd1; --so-on-accent: #ffffff;
  --so-added-bg: #dafbe1; --so-added-fg: #116329; --so-removed-bg: #ffebe9; --so-removed-fg: #a40e26;
  --so-warn: #bf8700; --so-warn-bg: #fff8c5; --so-warn-fg: #7d4e00;
}
`

interface Props {
  proposalId: string
  workflow: Workflow | undefined
  online: boolean
  onBack: () => void
}

/**
 * A proposal with no page to open (no `target.url`) is reviewed here, in the popup, with the
 * same card the in-page panel uses: impact first, the change view for its kind, evidence, and
 * approve / reject with a reason / edit. The queue lists slim entries; the whole proposal is
 * asked for when one is opened.
 */
export function ProposalDetail({ proposalId, workflow, online, onBack }: Props) {
  const full = useFullProposal(proposalId)
  return (
    <section className="proposal-detail" aria-label="Proposal under review">
      <style>{`${CARD_THEME}${PROPOSAL_CSS}${CHANGE_CSS}`}</style>
      <button type="button" className="secondary small back" onClick={onBack}>
        Back to queue
      </button>
      {full.isPending && <p role="status">Loading the proposal…</p>}
      {full.isError && (
        <p role="alert" className="error">
          Could not load the proposal: {errorText(full.error)}
        </p>
      )}
      {full.data && !full.data.proposal && <p role="status">This proposal is no longer in the queue.</p>}
      {full.data?.proposal && <ProposalReview proposal={full.data.proposal} workflow={workflow} online={online} onDecided={onBack} />}
    </section>
  )
}

function ProposalReview({
  proposal: p,
  workflow,
  online,
  onDecided
}: {
  proposal: LocalProposal
  workflow: Workflow | undefined
  online: boolean
  onDecided: () => void
}) {
  const submit = useSubmitDecision()
  const dismiss = useDismissNotice()
  const [mode, setMode] = useState<CardMode>("view")
  // Review time is measured from when the reviewer first saw it (the advisor's median review time).
  const [openedAt] = useState(() => Date.now())
  return (
    <>
      <ProposalCard
        proposal={p}
        workflow={workflow}
        open
        mode={mode}
        online={online}
        busy={submit.isPending}
        onOpen={() => {}}
        onModeChange={setMode}
        onDecide={(decision) =>
          submit.mutate({ ...decision, proposalId: p.id, proposalVersion: p.version, reviewMs: Date.now() - openedAt }, { onSuccess: onDecided })
        }
        onDismissNotice={() => dismiss.mutate(p.id)}
      />
      {submit.isError && (
        <p role="alert" className="error">
          Could not send the decision: {errorText(submit.error)}
        </p>
      )}
    </>
  )
}
