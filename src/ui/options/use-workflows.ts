import { useMutation, useQueryClient } from "@tanstack/react-query"
import type { Workflow, WorkflowUpsert } from "~src/domain/workflow"
import { queryKeys, useAsk } from "~src/ui/query-client"

/** PUT /v1/workflows/:id through the background; the server records the change in the audit log. */
export function useUpdateWorkflow() {
  const ask = useAsk()
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, workflow }: { id: string; workflow: WorkflowUpsert }) => ask({ type: "workflows.update", id, workflow }),
    onSuccess: ({ workflow }) => {
      client.setQueryData<Workflow[]>(queryKeys.workflows, (list) => {
        if (!list) return [workflow]
        return list.some((w) => w.id === workflow.id) ? list.map((w) => (w.id === workflow.id ? workflow : w)) : [...list, workflow]
      })
      void client.invalidateQueries({ queryKey: queryKeys.workflows })
      void client.invalidateQueries({ queryKey: ["stats"] })
      void client.invalidateQueries({ queryKey: queryKeys.queue })
    }
  })
}
