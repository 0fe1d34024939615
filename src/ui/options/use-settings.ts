import { useMutation, useQueryClient } from "@tanstack/react-query"
import type { Message } from "~src/messaging/messages"
import { queryKeys, useAsk } from "~src/ui/query-client"

type SaveSettings = Omit<Extract<Message, { type: "settings.save" }>, "type">

export function useSaveSettings() {
  const ask = useAsk()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (settings: SaveSettings) => ask({ type: "settings.save", ...settings }),
    onSuccess: (saved) => {
      client.setQueryData(queryKeys.settings, saved)
      // A new server or token changes who we are and what we can see.
      void client.invalidateQueries({ queryKey: queryKeys.me })
      void client.invalidateQueries({ queryKey: queryKeys.workflows })
      void client.invalidateQueries({ queryKey: ["stats"] })
    }
  })
}
