import { useMutation, useQueryClient } from "@tanstack/react-query"
import { DeadlineSettings, type DeadlineSettingsUpdate } from "~src/domain/deadlines"
import { queryKeys, useAsk } from "~src/ui/query-client"
import { apiCall } from "./api-call"

/** PUT /v1/settings/deadlines (admin); the server audits it as `deadlines.changed`. Read with useDeadlineSettings. */
export function useSaveDeadlines() {
  const ask = useAsk()
  const client = useQueryClient()
  return useMutation({
    mutationFn: async (update: DeadlineSettingsUpdate) => DeadlineSettings.parse(await apiCall(ask, "PUT", "/v1/settings/deadlines", update)),
    onSuccess: (saved) => client.setQueryData(queryKeys.deadlines, saved)
  })
}
