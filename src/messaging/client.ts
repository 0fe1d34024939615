import { Responses, type Message, type MessageType, type ResponseOf } from "./messages"
import { sendToBackground } from "./transport"

export { BackgroundError } from "./transport"

/**
 * Extension pages (popup, options) ask the background worker; resolves with the payload validated
 * by the full contract, or throws BackgroundError. Content scripts use panel-client.ts instead.
 */
export async function ask<T extends MessageType>(message: Extract<Message, { type: T }>): Promise<ResponseOf<T>> {
  return Responses[message.type as T].parse(await sendToBackground(message)) as ResponseOf<T>
}
