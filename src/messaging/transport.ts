import browser from "webextension-polyfill"
import type { Envelope, Message } from "./messages"

export class BackgroundError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message)
    this.name = "BackgroundError"
  }
}

/** Sends a message to the background worker and unwraps its Envelope; the caller validates the payload. */
export async function sendToBackground(message: Message): Promise<unknown> {
  const reply = (await browser.runtime.sendMessage(message)) as Envelope<unknown> | undefined
  if (!reply) throw new BackgroundError("no_reply", "The Signoff background worker did not answer")
  if (!reply.ok) throw new BackgroundError(reply.error.code, reply.error.message)
  return reply.data
}
