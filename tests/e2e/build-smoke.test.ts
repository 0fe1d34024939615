/**
 * The production build starts cleanly in real Chromium: the service worker registers its
 * message listener, the popup and options pages run without script errors, and the HubSpot
 * content script mounts its launcher. Bundler bugs (Plasmo's Parcel/SWC) only show up here:
 * unit tests run the sources, not the bundle.
 */
import type { Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { launchWithExtension, type ExtensionBrowser } from "../support/browser"
import { waitForLauncher } from "../support/panel"

/** Uncaught errors a page throws while it loads and settles. */
async function scriptErrorsOf(page: Page, load: () => Promise<unknown>): Promise<string[]> {
  const errors: string[] = []
  page.on("pageerror", (error) => errors.push(error.message))
  await load()
  await page.waitForLoadState("load")
  await page.waitForTimeout(500) // React renders and first messages happen after load
  return errors
}

describe("production build smoke", () => {
  let browser: ExtensionBrowser

  beforeAll(async () => {
    browser = await launchWithExtension()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it("loads under the extension id pinned by the manifest key", () => {
    expect(browser.extensionId).toBe("liijoomcjjpajeabmdpbckblegacpdaa")
  })

  it("starts a service worker that listens for runtime messages", async () => {
    const worker = await browser.serviceWorker()
    expect(await worker.evaluate(() => chrome.runtime.onMessage.hasListeners())).toBe(true)
  })

  it("answers a message from an extension page", async () => {
    const reply = await browser.sendMessage<{ configured: boolean }>({ type: "sync.status" })
    expect(reply).toMatchObject({ ok: true, data: { configured: false } })
  })

  it.each(["popup.html", "options.html"])("renders %s without script errors", async (path) => {
    const page = await browser.context.newPage()
    const errors = await scriptErrorsOf(page, () => page.goto(browser.extensionUrl(path)))
    expect(errors).toEqual([])
    expect((await page.locator("body").innerText()).trim()).not.toBe("")
    await page.close()
  })

  it("mounts the launcher on a HubSpot record without script errors in the page", async () => {
    const page = await browser.context.newPage()
    const errors = await scriptErrorsOf(page, () => page.goto("https://app.hubspot.com/contacts/4410021/record/0-1/101"))
    await waitForLauncher(page)
    expect(errors).toEqual([])
    await page.close()
  })
})
