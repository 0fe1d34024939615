import { Responses, type Message, type MessageType, type ResponseOf } from "./messages"
import { checkQueueAnswer } from "./queue-contract"
import { sendToBackground } from "./transport"

export { BackgroundError } from "./transport"

/** Answers checked structurally rather than parsed with zod, for their size (see queue-contract.ts). */
const LIGHT_CHECKS: { [T in MessageType]?: (data: unknown) => ResponseOf<T> } = {
  "proposals.queue": checkQueueAnswer
}

/**
 * Extension pages (popup, options) ask the background worker; resolves with the payload validated
 * by the contract, or throws BackgroundError. Content scripts use panel-client.ts instead.
 */
export async function ask<T extends MessageType>(message: Extract<Message, { type: T }>): Promise<ResponseOf<T>> {
  return validateAnswer(message.type as T, await sendToBackground(message))
}

/** How `ask` validates an answer (exported for the popup bench, which measures it). */
export function validateAnswer<T extends MessageType>(type: T, data: unknown): ResponseOf<T> {
  const light = LIGHT_CHECKS[type]
  return light ? light(data) : (Responses[type].parse(data) as ResponseOf<T>)
}
