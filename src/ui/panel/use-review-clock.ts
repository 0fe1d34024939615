import { useCallback, useEffect, useRef } from "react"

/**
 * How long the reviewer has had the current item open, for the decision's `reviewMs` (the
 * loosening advisor reads median review time). Restarts whenever another item is opened.
 */
export function useReviewClock(openItemId: string | null, now: () => number = defaultNow): () => number {
  const openedAt = useRef<number | null>(openItemId === null ? null : now())
  useEffect(() => {
    openedAt.current = openItemId === null ? null : now()
  }, [openItemId, now])
  return useCallback(() => (openedAt.current === null ? 0 : Math.max(0, Math.round(now() - openedAt.current))), [now])
}

const defaultNow = () => performance.now()
