import { useMutation, useQueryClient } from "@tanstack/react-query"
import { queryKeys, useAsk } from "~src/ui/query-client"

/** Saving the reminder opt-in (the settings themselves: useSettings in ~src/ui/background-queries). */
export function useSaveReminderOptIn() {
  const ask = useAsk()
  const client = useQueryClient()
  return useMutation({
    // settings.save needs the server URL; the stored token is kept when it is the same server.
    mutationFn: ({ serverUrl, on }: { serverUrl: string; on: boolean }) => ask({ type: "settings.save", serverUrl, reminderNotifications: on }),
    onSuccess: (saved) => client.setQueryData(queryKeys.settings, saved)
  })
}
