import { DailySummary } from "~src/ui/summary/daily-summary"
import { useOpenProposal } from "./use-queue"

/** The popup's daily-summary screen (loaded on demand): the shared summary section, opening items on their page. */
export default function SummaryScreen() {
  const open = useOpenProposal()
  return <DailySummary onOpenProposal={(proposalId) => open.mutate(proposalId)} />
}
