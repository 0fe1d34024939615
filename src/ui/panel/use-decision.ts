import { useMutation, useQueryClient } from "@tanstack/react-query"
import type { ResponseOf } from "~src/messaging/messages"
import type { DecisionRequest } from "~src/local/decision-request"
import type { LocalProposal } from "~src/local/local-proposal"
import { useAsk } from "~src/ui/query-client"

type ForEntity = ResponseOf<"proposals.forEntity">

const replaceProposal = (list: LocalProposal[], next: LocalProposal) => list.map((p) => (p.id === next.id ? next : p))

/**
 * Sends a decision through the background (which queues it in its outbox when offline and
 * answers with the optimistic local copy) and shows that copy at once in every entity list.
 */
export function useDecision() {
  const ask = useAsk()
  const queryClient = useQueryClient()
  const applyLocal = (proposal: LocalProposal | null) => {
    if (!proposal) return
    queryClient.setQueriesData<ForEntity>({ queryKey: ["proposals.forEntity"] }, (data) =>
      data ? { ...data, proposals: replaceProposal(data.proposals, proposal), related: replaceProposal(data.related, proposal) } : data
    )
  }
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["proposals.forEntity"] })

  const submit = useMutation({
    mutationFn: (decision: DecisionRequest) => ask({ type: "decision.submit", decision }),
    onSuccess: ({ proposal }) => applyLocal(proposal),
    onSettled: refresh
  })
  const dismiss = useMutation({
    mutationFn: (proposalId: string) => ask({ type: "decision.dismiss", proposalId }),
    onSuccess: ({ proposal }) => applyLocal(proposal),
    onSettled: refresh
  })
  return { submit, dismiss }
}
