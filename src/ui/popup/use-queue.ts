import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query"
import type { ResponseOf } from "~src/messaging/messages"
import type { DecisionRequest } from "~src/local/decision-request"
import type { LocalProposal, QueueEntry } from "~src/local/local-proposal"
import type { SyncStatus } from "~src/local/sync-status"
import { toQueueEntry } from "~src/local/queue-entry"
import { queryKeys, useAsk, type Ask } from "~src/ui/query-client"

type QueueData = ResponseOf<"proposals.queue">

/**
 * The whole queue (one slim entry per proposal) is fetched once, then again only when the sync
 * status says something changed: re-reading and re-validating 10,000 entries on a timer would
 * keep the popup busy.
 */
export function useQueue({ enabled = true } = {}) {
  const ask = useAsk()
  return useQuery({ queryKey: queryKeys.queue, queryFn: () => ask({ type: "proposals.queue" }), enabled })
}

/** Rows the popup shows before the whole queue has arrived: a screenful and then some. */
export const QUEUE_HEAD_SIZE = 50

/** The queue head's query, also started by popup/index.tsx before React renders (see prefetchFirstPaint). */
const queueHeadQuery = (ask: Ask) => queryOptions({ queryKey: queryKeys.queueHead, queryFn: () => ask({ type: "proposals.queueHead", size: QUEUE_HEAD_SIZE }) })

/**
 * The counts of the whole queue and its first rows, so the popup paints at once on a large queue.
 * Only until the whole queue is here: after that the popup derives both from it.
 */
export function useQueueHead({ enabled = true } = {}) {
  const ask = useAsk()
  return useQuery({ ...queueHeadQuery(ask), enabled })
}

/** The whole proposal behind a queue entry, for reviewing it in the popup. */
export function useFullProposal(proposalId: string) {
  const ask = useAsk()
  return useQuery({ queryKey: queryKeys.proposal(proposalId), queryFn: () => ask({ type: "proposal.get", proposalId }) })
}

/** Cheap to ask often: a few numbers from the background. */
const STATUS_POLL_MS = 3_000

const syncStatusQuery = (ask: Ask) => queryOptions({ queryKey: queryKeys.syncStatus, queryFn: () => ask({ type: "sync.status" }) })

export function useSyncStatus() {
  const ask = useAsk()
  return useQuery({ ...syncStatusQuery(ask), refetchInterval: STATUS_POLL_MS })
}

/**
 * Asks the background for what the first paint shows (the queue head and the sync status) as soon
 * as the popup's script runs: the answers travel while React loads and renders, instead of after
 * its first commit. The hooks above then find them in the client's cache.
 */
export function prefetchFirstPaint(client: QueryClient, ask: Ask): void {
  void client.prefetchQuery(queueHeadQuery(ask))
  void client.prefetchQuery(syncStatusQuery(ask))
}

/** What in the sync status means the queue may have changed. */
export function queueVersion(status: SyncStatus | undefined): string | null {
  return status ? `${status.lastSyncAt}|${status.pendingCount}|${status.outboxSize}|${status.error}` : null
}

/** Put the background's answers (optimistic local state) into the cached queue in one pass, and into any open full proposal. */
function mergeProposals(client: QueryClient, updated: readonly LocalProposal[]) {
  if (updated.length === 0) return
  const byId = new Map<string, QueueEntry>(updated.map((p) => [p.id, toQueueEntry(p)]))
  client.setQueryData<QueueData>(queryKeys.queue, (queue) => (queue ? { ...queue, proposals: queue.proposals.map((p) => byId.get(p.id) ?? p) } : queue))
  for (const proposal of updated) {
    if (client.getQueryData(queryKeys.proposal(proposal.id))) client.setQueryData(queryKeys.proposal(proposal.id), { proposal })
  }
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
    mutationFn: async (targets: readonly Pick<QueueEntry, "id" | "version">[]): Promise<BulkResult> => {
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
      client.setQueryData(queryKeys.syncStatus, status)
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
