import { useMutation, useQueryClient } from "@tanstack/react-query"
import type { Workflow, WorkflowUpsert } from "~src/domain/workflow"
import { queryKeys, useAsk } from "~src/ui/query-client"

/**
 * An admin's change from the popup: only what changes is sent (`{paused: true}`, `{model}`), the
 * server keeps the rest and records the change in the audit log.
 */
export function useChangeWorkflow() {
  const ask = useAsk()
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: WorkflowUpsert }) => ask({ type: "workflows.update", id, workflow: change }),
    onSuccess: ({ workflow }) => {
      client.setQueryData<Workflow[]>(queryKeys.workflows, (list) => list?.map((w) => (w.id === workflow.id ? workflow : w)))
      void client.invalidateQueries({ queryKey: queryKeys.queue })
    }
  })
}
