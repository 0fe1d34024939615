import { NetworkError } from "~src/api"
import type { AreaHandlers, HandlerContext } from "./handler-context"

/** Workflows and their oversight: read through the cache (offline: the cached list), changed on the server only. */
export function workflowHandlers({ db, configuredApi }: HandlerContext): AreaHandlers<"workflows.list" | "workflows.update"> {
  return {
    "workflows.list": async () => {
      const api = await configuredApi()
      try {
        const workflows = await api.workflows()
        await db.transaction("rw", db.workflows, async () => {
          await db.workflows.clear()
          await db.workflows.bulkPut(workflows)
        })
        return { workflows }
      } catch (error) {
        if (error instanceof NetworkError) return { workflows: await db.workflows.toArray() }
        throw error
      }
    },
    "workflows.update": async ({ id, workflow }) => {
      const saved = await (await configuredApi()).putWorkflow(id, workflow)
      await db.workflows.put(saved)
      return { workflow: saved }
    }
  }
}
