import type { AreaHandlers, HandlerContext } from "./handler-context"

/** The sync engine's state, and "sync now". */
export function syncHandlers({ engine }: HandlerContext): AreaHandlers<"sync.now" | "sync.status"> {
  return {
    "sync.now": async () => {
      await engine.run({ ignoreBackoff: true })
      return engine.status()
    },
    "sync.status": () => engine.status()
  }
}
