import type { AreaHandlers, HandlerContext } from "./handler-context"

/** Extension pages' pass-through to any /v1 endpoint with the stored token (the sender policy refuses content scripts and panels). */
export function apiHandlers({ configuredApi }: HandlerContext): AreaHandlers<"api.call"> {
  return {
    "api.call": async ({ method, path, body }) => (await configuredApi()).call(method, path, body)
  }
}
