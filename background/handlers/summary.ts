import type { AreaHandlers, HandlerContext } from "./handler-context"

/** The daily summary of what ran (monitor and exception models): read from the server on request, never cached. */
export function summaryHandlers({ configuredApi }: HandlerContext): AreaHandlers<"summary.get"> {
  return {
    "summary.get": async ({ date }) => (await configuredApi()).summary(date)
  }
}
