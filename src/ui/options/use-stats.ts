import { useQuery } from "@tanstack/react-query"
import { StatsResponse } from "~src/domain/stats"
import { queryKeys, useAsk } from "~src/ui/query-client"
import { apiGetJson } from "./api-call"

/** GET /v1/stats?window= through the background's API proxy, validated. */
export function useStats(windowDays: number) {
  const ask = useAsk()
  return useQuery({
    queryKey: queryKeys.stats(windowDays),
    queryFn: () => apiGetJson(ask, `/v1/stats?window=${windowDays}`, StatsResponse)
  })
}
