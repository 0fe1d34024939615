/**
 * Run code inside Signoff's content-script world of a host page. Playwright evaluates in the
 * page's main world, where `chrome.runtime` does not reach the extension; through CDP we find
 * the extension's isolated world (an execution context whose origin is the extension's) and
 * evaluate there — so the background sees a genuine content-script sender.
 */
import type { Page } from "playwright-core"

interface ExecutionContext {
  id: number
  origin: string
  name: string
  auxData?: { type?: string; isDefault?: boolean; frameId?: string }
}

export async function evaluateInContentScript<T>(page: Page, extensionId: string, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page)
  try {
    const contexts: ExecutionContext[] = []
    cdp.on("Runtime.executionContextCreated", (event: { context: ExecutionContext }) => contexts.push(event.context))
    await cdp.send("Runtime.enable") // replays executionContextCreated for every live context
    const world = contexts.find((c) => c.auxData?.type === "isolated" && c.origin === `chrome-extension://${extensionId}`)
    if (!world)
      throw new Error(`no Signoff content-script world in ${page.url()} (contexts: ${contexts.map((c) => `${c.auxData?.type}:${c.origin}`).join(", ")})`)
    const result = (await cdp.send("Runtime.evaluate", {
      expression,
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true
    })) as { result: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } }
    if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text)
    return result.result.value as T
  } finally {
    await cdp.detach()
  }
}

/** Send a runtime message as the content script would. */
export function sendFromContentScript<T = unknown>(page: Page, extensionId: string, message: unknown): Promise<T> {
  return evaluateInContentScript<T>(page, extensionId, `chrome.runtime.sendMessage(${JSON.stringify(message)})`)
}
