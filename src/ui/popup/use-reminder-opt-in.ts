import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { queryKeys, useAsk } from "~src/ui/query-client"

/** Settings as pages see them (never the token), and saving the reminder opt-in. */
export function useSettings() {
  const ask = useAsk()
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => ask({ type: "settings.get" }) })
}

export function useSaveReminderOptIn() {
  const ask = useAsk()
  const client = useQueryClient()
  return useMutation({
    // settings.save needs the server URL; the stored token is kept when it is the same server.
    mutationFn: ({ serverUrl, on }: { serverUrl: string; on: boolean }) => ask({ type: "settings.save", serverUrl, reminderNotifications: on }),
    onSuccess: (saved) => client.setQueryData(queryKeys.settings, saved)
  })
}
