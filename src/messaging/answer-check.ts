import type { MessageType, ResponseOf, Responses } from "./messages"
import { checkQueueAnswer, checkQueueHeadAnswer, checkSyncStatusAnswer } from "./queue-contract"

/**
 * Answers checked structurally rather than parsed with zod (see queue-contract.ts): the popup's
 * 10,000-entry queue for its size, and what the popup's first paint waits for (the queue head and
 * the sync status), so that the popup's first chunk carries no zod (popup-client.ts). Every other
 * answer is parsed with the zod contract (messages.ts).
 */
const LIGHT_CHECKS: { [T in MessageType]?: (data: unknown) => ResponseOf<T> } = {
  "proposals.queue": checkQueueAnswer,
  "proposals.queueHead": checkQueueHeadAnswer,
  "sync.status": checkSyncStatusAnswer
}

/** The structural check of `type`'s answer, if it has one. */
export function lightCheckOf<T extends MessageType>(type: T): ((data: unknown) => ResponseOf<T>) | undefined {
  return LIGHT_CHECKS[type]
}

/**
 * How extension pages validate the background's answers before trusting them: the structural
 * check, or the zod contract. Apart from the browser API, so the popup bench runs it in a plain page.
 */
export function validateAnswer<T extends MessageType>(type: T, data: unknown, contract: typeof Responses): ResponseOf<T> {
  const light = lightCheckOf(type)
  return light ? light(data) : (contract[type].parse(data) as ResponseOf<T>)
}
