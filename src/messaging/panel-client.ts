import type { Message, MessageType, ResponseOf } from "./messages"
import { checkPanelAnswer, PanelResponses, type PanelMessageType } from "./panel-contract"
import { BackgroundError, sendToBackground } from "./transport"

export { BackgroundError }

const isPanelMessage = (type: MessageType): type is PanelMessageType => Object.hasOwn(PanelResponses, type)

/**
 * The in-page panel asks the background worker. Only the messages a content script may send are
 * answered (the background refuses the others anyway), with a light check of the answer
 * (panel-contract.ts): this module and its imports are what content scripts carry, so it stays
 * off the full zod contract in messages.ts (types only from there).
 */
export async function askFromPanel<T extends MessageType>(message: Extract<Message, { type: T }>): Promise<ResponseOf<T>> {
  const type: MessageType = message.type
  if (!isPanelMessage(type)) throw new BackgroundError("forbidden", `a content script may not send ${type}`)
  return checkPanelAnswer(type, await sendToBackground(message)) as ResponseOf<T>
}
