import { lightCheckOf, validateAnswer } from "./answer-check"
import type { Message, MessageType, ResponseOf, Responses } from "./messages"
import { sendToBackground } from "./transport"

/**
 * The zod contract, loaded on the first answer that needs it: what the popup's first paint waits
 * for is checked structurally (answer-check.ts), so its first chunk carries no zod (issue 13's
 * first-paint goal; tests/unit/architecture/popup-first-paint.test.ts).
 */
let contract: Promise<typeof Responses> | undefined
const loadContract = () => (contract ??= import("./messages").then((m) => m.Responses))

/** The popup's `ask` (client.ts's for the other pages): every answer validated before it is trusted. */
export async function ask<T extends MessageType>(message: Extract<Message, { type: T }>): Promise<ResponseOf<T>> {
  const data = await sendToBackground(message)
  const light = lightCheckOf(message.type as T)
  return light ? light(data) : validateAnswer(message.type as T, data, await loadContract())
}
