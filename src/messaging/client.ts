import browser from "webextension-polyfill"
import { Responses, type Envelope, type Message, type MessageType, type ResponseOf } from "./messages"

export class BackgroundError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message)
    this.name = "BackgroundError"
  }
}

/** Ask the background worker; resolves with the validated payload or throws BackgroundError. */
export async function ask<T extends MessageType>(message: Extract<Message, { type: T }>): Promise<ResponseOf<T>> {
  const reply = (await browser.runtime.sendMessage(message)) as Envelope<unknown> | undefined
  if (!reply) throw new BackgroundError("no_reply", "The Signoff background worker did not answer")
  if (!reply.ok) throw new BackgroundError(reply.error.code, reply.error.message)
  return Responses[message.type as T].parse(reply.data) as ResponseOf<T>
}
