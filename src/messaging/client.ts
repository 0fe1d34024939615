import { validateAnswer } from "./answer-check"
import { Responses, type Message, type MessageType, type ResponseOf } from "./messages"
import { sendToBackground } from "./transport"

export { BackgroundError } from "./transport"

/**
 * Extension pages (options, panel) ask the background worker; resolves with the payload validated
 * by the contract (answer-check.ts), or throws BackgroundError. The popup uses popup-client.ts,
 * content scripts panel-client.ts.
 */
export async function ask<T extends MessageType>(message: Extract<Message, { type: T }>): Promise<ResponseOf<T>> {
  return validateAnswer(message.type as T, await sendToBackground(message), Responses)
}
