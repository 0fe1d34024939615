import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { SummaryItem } from "~src/domain/summary"
import { queryKeys, useAsk } from "~src/ui/query-client"

/** One UTC day's summary, from the server through the background (never cached in Dexie: it is a report). */
export function useDailySummary(date: string) {
  const ask = useAsk()
  return useQuery({ queryKey: queryKeys.summary(date), queryFn: () => ask({ type: "summary.get", date }), placeholderData: keepPreviousData })
}

/**
 * Revert or pause from the summary: a decision like any other, queued in the background's outbox
 * under this account and sent by the sync engine (offline too). The item's `version` is the
 * proposal's current one, which the server checks.
 */
export function useSummaryDecision() {
  const ask = useAsk()
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ item, action }: { item: SummaryItem; action: "revert" | "pause" }) =>
      ask({ type: "decision.submit", decision: { proposalId: item.proposalId, action, proposalVersion: item.version } }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ["summary"] })
      void client.invalidateQueries({ queryKey: queryKeys.workflows })
    }
  })
}
