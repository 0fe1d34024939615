import { useQueryClient } from "@tanstack/react-query"
import { useEffect } from "react"
import { onCacheChanged } from "~src/messaging/cache-changed"
import { queryKeys } from "~src/ui/query-client"

type Runtime = Parameters<typeof onCacheChanged>[0]

/**
 * Re-reads the sync status and the queue as soon as the background says its cache changed (a live
 * nudge pulled something, a decision went out), instead of at the next status poll.
 */
export function useRefreshOnCacheChanged(runtime: Runtime): void {
  const client = useQueryClient()
  useEffect(
    () =>
      onCacheChanged(runtime, () => {
        void client.invalidateQueries({ queryKey: queryKeys.syncStatus })
        void client.invalidateQueries({ queryKey: queryKeys.queue })
      }),
    [runtime, client]
  )
}
