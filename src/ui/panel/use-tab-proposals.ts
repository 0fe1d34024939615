import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { useAsk } from "~src/ui/query-client"

/** Prefix of every "what this tab shows" query: the cache-changed refresh invalidates them all. */
export const TAB_PROPOSALS_KEY = ["proposals.forEntity", "tab"] as const

/** The background answered for another URL than the page shows: its view of the tab lags a pushState. */
class TabUrlLag extends Error {}

/**
 * The proposals for the entity on screen (and related ones), for the page at `pageUrl`. The
 * background reads the entity off the tab's URL; right after an SPA navigation that URL can still
 * be the previous one, so the answer is retried (briefly) until the background read this URL.
 * The previous page's proposals stay on screen meanwhile. The background answers from its local
 * cache at once and syncs behind it; the content script tells the frame when the page moved or the
 * cache changed, so the poll is only a fallback.
 */
export function useTabProposals(pageUrl: string | null, refetchIntervalMs = 10_000) {
  const ask = useAsk()
  return useQuery({
    queryKey: [...TAB_PROPOSALS_KEY, pageUrl],
    queryFn: async () => {
      const answer = await ask({ type: "proposals.forEntity" })
      if (pageUrl !== null && answer.url !== pageUrl) throw new TabUrlLag(`the background still reads ${answer.url}`)
      return answer
    },
    retry: (failures, error) => error instanceof TabUrlLag && failures < 20,
    retryDelay: 50,
    placeholderData: keepPreviousData,
    refetchInterval: refetchIntervalMs,
    staleTime: 0
  })
}
