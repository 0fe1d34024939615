import * as z from "zod"
import { ApiError, NetworkError } from "~src/api"
import { Message, type Envelope, type MessageType } from "~src/messaging/messages"
import { authorize, classifySender, type MessageSenderInfo } from "~src/messaging/sender-policy"
import { matchesAnyPattern } from "~src/platforms/match-pattern"
import { UnknownProposalError } from "~src/sync"
import { apiHandlers } from "./api"
import { decisionHandlers } from "./decisions"
import { createHandlerContext, frameOf, HandlerError, type AreaHandlers, type Asker, type MessageHandlerDeps } from "./handler-context"
import { launcherHandlers } from "./launcher"
import { proposalHandlers } from "./proposals"
import { queueHandlers } from "./queue"
import { settingsHandlers } from "./settings"
import { syncHandlers } from "./sync"
import { workflowHandlers } from "./workflows"

export type { BrowserSurface, MessageHandlerDeps } from "./handler-context"

/**
 * The background's message router: checks the sender, validates the message with the one `Message`
 * schema, hands it to its area's handler, and answers an Envelope. It never throws across the
 * boundary and no answer carries the API token.
 */
export function createMessageHandler(deps: MessageHandlerDeps) {
  const context = createHandlerContext(deps)
  // Every message type has exactly one handler: the compiler refuses a missing or duplicated one.
  const handlers: AreaHandlers<MessageType> = {
    ...launcherHandlers(context),
    ...proposalHandlers(context),
    ...queueHandlers(context),
    ...decisionHandlers(context),
    ...settingsHandlers(context),
    ...syncHandlers(context),
    ...workflowHandlers(context),
    ...apiHandlers(context)
  }

  return async function handleMessage(raw: unknown, sender: MessageSenderInfo): Promise<Envelope<unknown>> {
    const kind = classifySender(sender, deps.browser.identity)
    if (kind === "foreign") return refuse("forbidden", "messages are accepted only from Signoff's own pages and content scripts")
    const parsed = Message.safeParse(raw)
    if (!parsed.success) return refuse("bad_request", `Invalid message: ${z.prettifyError(parsed.error)}`)
    const message = parsed.data
    const inTab = kind === "content-script" || kind === "panel-frame"
    const hostAllowed = inTab && sender.tab?.id !== undefined && matchesAnyPattern(sender.tab.url ?? "", await deps.browser.contentScriptPatterns())
    const verdict = authorize(kind, message.type, hostAllowed)
    if (!verdict.allowed) return refuse("forbidden", verdict.reason)
    if (kind === "panel-frame" && message.type !== "panel.claim" && !(await deps.panelSessions.isBound(frameOf(sender))))
      return refuse("forbidden", "this panel has no session from Signoff's content script on this page")
    try {
      const handler = handlers[message.type] as (m: Message, a: Asker) => Promise<unknown>
      return { ok: true, data: await handler(message, { kind, sender }) }
    } catch (error) {
      return toErrorEnvelope(error)
    }
  }
}

const refuse = (code: string, message: string): Envelope<never> => ({ ok: false, error: { code, message } })

function toErrorEnvelope(error: unknown): Envelope<never> {
  if (error instanceof HandlerError) return refuse(error.code, error.message)
  if (error instanceof z.ZodError) return refuse("bad_request", z.prettifyError(error))
  if (error instanceof UnknownProposalError) return refuse("not_found", error.message)
  if (error instanceof ApiError) return refuse(error.code, error.message)
  if (error instanceof NetworkError) return refuse(error.reason, error.message)
  console.error("signoff: message handler failed", error)
  return refuse("internal", error instanceof Error ? error.message : String(error))
}
