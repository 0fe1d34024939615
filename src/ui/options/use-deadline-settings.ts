import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { DeadlineSettings, type DeadlineSettingsUpdate } from "~src/domain/deadlines"
import { useAsk } from "~src/ui/query-client"
import { apiCall, apiGetJson } from "./api-call"

const DEADLINES_KEY = ["deadlines"] as const

/** GET /v1/settings/deadlines: each tier's default deadline and the reminder share (reviewers may read them). */
export function useDeadlineSettings() {
  const ask = useAsk()
  return useQuery({ queryKey: DEADLINES_KEY, queryFn: () => apiGetJson(ask, "/v1/settings/deadlines", DeadlineSettings) })
}

/** PUT /v1/settings/deadlines (admin); the server audits it as `deadlines.changed`. */
export function useSaveDeadlines() {
  const ask = useAsk()
  const client = useQueryClient()
  return useMutation({
    mutationFn: async (update: DeadlineSettingsUpdate) => DeadlineSettings.parse(await apiCall(ask, "PUT", "/v1/settings/deadlines", update)),
    onSuccess: (saved) => client.setQueryData(DEADLINES_KEY, saved)
  })
}
