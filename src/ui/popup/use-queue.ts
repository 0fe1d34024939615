import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query"
import type { DecisionRequest, LocalProposal, ResponseOf } from "~src/messaging/messages"
import { queryKeys, useAsk } from "~src/ui/query-client"

type QueueData = ResponseOf<"proposals.queue">

/** The background answers from its local cache, so polling is cheap and keeps the popup live. */
const QUEUE_REFRESH_MS = 5_000

export function useQueue() {
  const ask = useAsk()
  return useQuery({
    queryKey: queryKeys.queue,
    queryFn: () => ask({ type: "proposals.queue" }),
    refetchInterval: QUEUE_REFRESH_MS
  })
}

/** Put the background's answers (optimistic local state) into the cached queue in one pass. */
function mergeProposals(client: QueryClient, updated: readonly LocalProposal[]) {
  if (updated.length === 0) return
  const byId = new Map(updated.map((p) => [p.id, p]))
  client.setQueryData<QueueData>(queryKeys.queue, (queue) =>
    queue ? { ...queue, proposals: queue.proposals.map((p) => byId.get(p.id) ?? p) } : queue
  )
}

export function useSubmitDecision() {
  const ask = useAsk()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (decision: DecisionRequest) => ask({ type: "decision.submit", decision }),
    onSuccess: ({ proposal }) => mergeProposals(client, [proposal]),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.queue })
  })
}

export interface BulkResult {
  approved: number
  failed: { proposalId: string; message: string }[]
}

// Decisions go to the background's outbox; a few in flight keeps the worker responsive.
const BULK_CONCURRENCY = 4

export function useBulkApprove() {
  const ask = useAsk()
  const client = useQueryClient()
  return useMutation({
    mutationFn: async (targets: readonly Pick<LocalProposal, "id" | "version">[]): Promise<BulkResult> => {
      const updated: LocalProposal[] = []
      const failed: BulkResult["failed"] = []
      let next = 0
      async function worker() {
        while (next < targets.length) {
          const target = targets[next++]
          try {
            const { proposal } = await ask({
              type: "decision.submit",
              decision: { proposalId: target.id, action: "approve", proposalVersion: target.version }
            })
            updated.push(proposal)
          } catch (error) {
            failed.push({ proposalId: target.id, message: error instanceof Error ? error.message : String(error) })
          }
        }
      }
      await Promise.all(Array.from({ length: Math.min(BULK_CONCURRENCY, targets.length) }, worker))
      mergeProposals(client, updated)
      return { approved: updated.length, failed }
    },
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.queue })
  })
}

export function useSyncNow() {
  const ask = useAsk()
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => ask({ type: "sync.now" }),
    onSuccess: (status) => {
      client.setQueryData<QueueData>(queryKeys.queue, (queue) => (queue ? { ...queue, status } : queue))
      void client.invalidateQueries({ queryKey: queryKeys.queue })
    }
  })
}

export function useOpenProposal() {
  const ask = useAsk()
  return useMutation({ mutationFn: (proposalId: string) => ask({ type: "proposal.open", proposalId }) })
}

/** The user has read a conflict/failure notice: the background forgets the refused local decision. */
export function useDismissNotice() {
  const ask = useAsk()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (proposalId: string) => ask({ type: "decision.dismiss", proposalId }),
    onSuccess: ({ proposal }) => proposal && mergeProposals(client, [proposal]),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.queue })
  })
}
