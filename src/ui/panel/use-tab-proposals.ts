import { useQuery } from "@tanstack/react-query"
import { useAsk } from "~src/ui/query-client"

/** One key for "what this tab shows": the background reads the entity off the tab's URL, so navigation only invalidates it. */
export const TAB_PROPOSALS_KEY = ["proposals.forEntity", "tab"] as const

/**
 * The proposals for the entity on screen (and related ones). The background answers from its
 * local cache at once and syncs behind it; the content script tells the frame when the page moved
 * or the cache changed, so the poll is only a fallback.
 */
export function useTabProposals(refetchIntervalMs = 10_000) {
  const ask = useAsk()
  return useQuery({
    queryKey: TAB_PROPOSALS_KEY,
    queryFn: () => ask({ type: "proposals.forEntity" }),
    refetchInterval: refetchIntervalMs,
    staleTime: 0
  })
}
