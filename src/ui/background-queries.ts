import { useQuery } from "@tanstack/react-query"
import { queryKeys, useAsk } from "~src/ui/query-client"

/*
 * What every extension page reads from the background, one hook each, shared by the popup, the
 * panel and the options console so they cache under the same keys.
 */

/** Public settings (the token never comes back, only its last four characters). */
export function useSettings() {
  const ask = useAsk()
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => ask({ type: "settings.get" }) })
}

/** Who the stored token belongs to (GET /v1/me through the background). */
export function useMe() {
  const ask = useAsk()
  return useQuery({ queryKey: queryKeys.me, queryFn: () => ask({ type: "me.get" }) })
}

/** Each tier's default deadline and the reminder share (GET /v1/settings/deadlines through the background). */
export function useDeadlineSettings() {
  const ask = useAsk()
  return useQuery({ queryKey: queryKeys.deadlines, queryFn: () => ask({ type: "deadlines.get" }) })
}

/** Workflows as the server has them now (the background reads through its cache: offline, the cached list). */
export function useWorkflows() {
  const ask = useAsk()
  return useQuery({ queryKey: queryKeys.workflows, queryFn: async () => (await ask({ type: "workflows.list" })).workflows })
}
