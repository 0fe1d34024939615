import type { Proposal } from "~src/domain/proposal"
import { deadlineLabel } from "~src/local/deadline"

/** "expires in 3 h" beside a proposal's status (urgent once its reminder is due), "expired" after; nothing without a deadline. */
export function DeadlineNote({
  proposal,
  now,
  separator = ""
}: {
  proposal: Pick<Proposal, "status" | "expiresAt" | "remindAt">
  now: number
  separator?: string
}) {
  const label = deadlineLabel(proposal, now)
  if (!label) return null
  return (
    <>
      {separator}
      <span
        className={`deadline${label.urgent ? " urgent" : ""}`}
        title={proposal.expiresAt ? `Deadline: ${new Date(proposal.expiresAt).toLocaleString()}` : undefined}
      >
        {label.urgent && !label.expired ? "⚠ " : ""}
        {label.text}
      </span>
    </>
  )
}
