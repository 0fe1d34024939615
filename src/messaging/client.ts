import { validateAnswer } from "./answer-check"
import type { Message, MessageType, ResponseOf } from "./messages"
import { sendToBackground } from "./transport"

export { BackgroundError } from "./transport"

/**
 * Extension pages (popup, options) ask the background worker; resolves with the payload validated
 * by the contract (answer-check.ts), or throws BackgroundError. Content scripts use panel-client.ts instead.
 */
export async function ask<T extends MessageType>(message: Extract<Message, { type: T }>): Promise<ResponseOf<T>> {
  return validateAnswer(message.type as T, await sendToBackground(message))
}
