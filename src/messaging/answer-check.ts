import type { MessageType, ResponseOf } from "./messages"
import { checkQueueAnswer, checkQueueHeadAnswer, checkSyncStatusAnswer } from "./queue-contract"

/**
 * Answers checked structurally rather than parsed with zod (see queue-contract.ts): the popup's
 * 10,000-entry queue for its size, and what the popup's first paint waits for (the queue head and
 * the sync status), so that its first chunk carries no zod. Every other answer is parsed with the
 * zod contract, which is loaded on the first such answer.
 */
const LIGHT_CHECKS: { [T in MessageType]?: (data: unknown) => ResponseOf<T> } = {
  "proposals.queue": checkQueueAnswer,
  "proposals.queueHead": checkQueueHeadAnswer,
  "sync.status": checkSyncStatusAnswer
}

/**
 * How extension pages validate the background's answers before trusting them (client.ts). Apart
 * from the browser API, so the popup bench can run it in a plain page.
 */
export async function validateAnswer<T extends MessageType>(type: T, data: unknown): Promise<ResponseOf<T>> {
  const light = LIGHT_CHECKS[type]
  if (light) return light(data)
  const { Responses } = await import("./messages")
  return Responses[type].parse(data) as ResponseOf<T>
}
