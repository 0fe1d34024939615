import { useQuery } from "@tanstack/react-query"
import { queryKeys, useAsk } from "~src/ui/query-client"

/** Who the stored token belongs to (GET /v1/me through the background). */
export function useMe() {
  const ask = useAsk()
  return useQuery({ queryKey: queryKeys.me, queryFn: () => ask({ type: "me.get" }) })
}
