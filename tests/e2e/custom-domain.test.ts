/**
 * Issue 11's custom domain, end to end in real Chromium with the production build: an admin adds
 * `go.acme-mail.example` as a Marketo domain on the options page, answers Chrome's own permission
 * prompt with the keyboard (Chromium runs headed on the test's Xvfb display; xdotool presses the
 * keys), and on that host the launcher, the panel frame and an approval work like on Marketo's own.
 */
import type { Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { marketoPage } from "../fixtures/pages/marketo"
import { pollUntil } from "../support/browser"
import { proposalFor, startE2ESession, type E2ESession } from "../support/e2e-session"
import { action, gotoWithPanel, openPanel, openProposal, waitForLauncher } from "../support/panel"
import { startVirtualDisplay, type VirtualDisplay } from "../support/xvfb"

const CUSTOM_HOST = "go.acme-mail.example"

describe("a Marketo custom domain", () => {
  let display: VirtualDisplay
  let session: E2ESession

  beforeAll(async () => {
    display = await startVirtualDisplay()
    session = await startE2ESession({ role: "admin", reviewerName: "Dana Admin", launch: { headless: false, env: { DISPLAY: display.display } } })
    // The custom host answers with the Marketo look-alike, as the customer's own domain would serve Marketo.
    await session.browser.context.route(`https://${CUSTOM_HOST}/**`, async (route) => {
      const page = marketoPage(new URL(route.request().url().replace(CUSTOM_HOST, "app-ab12.marketo.com")))!
      await route.fulfill({ status: page.status, contentType: page.contentType, body: page.body })
    })
  }, 180_000)

  afterAll(async () => {
    await session?.close()
    await display?.stop()
  })

  async function addCustomDomain(options: Page): Promise<void> {
    await options.getByLabel("Host").fill(CUSTOM_HOST)
    await options.getByLabel("Platform", { exact: true }).selectOption("marketo")
    await options.getByRole("button", { name: "Add domain" }).click()
    // Chrome's prompt ("Signoff wants to read and change your data on go.acme-mail.example"): Allow.
    await pollUntil(async () => {
      display.pressKeys("Tab", "Return")
      await options.waitForTimeout(500)
      return (await options.getByRole("list", { name: "Custom domains" }).count()) > 0
    }, "the custom domain to be added after the permission prompt")
  }

  it("mounts the launcher and panel there, and approves", async () => {
    const options = await session.browser.openOptions("custom-domains")
    await addCustomDomain(options)
    const row = options.getByRole("list", { name: "Custom domains" }).getByRole("listitem")
    await expect.poll(() => row.innerText(), { timeout: 20_000 }).toContain("registered on the server")
    await options.close()

    // The admin's add registered it on the server too, so an agent may link to it.
    const proposal = await session.agent.createProposal(
      proposalFor({ platform: "marketo", kind: "email", id: "1234", url: `https://${CUSTOM_HOST}/#EM1234A1ZN2` }, { title: "Email on the custom domain" })
    )
    await session.syncNow()

    const page = await session.browser.context.newPage()
    await gotoWithPanel(page, `https://${CUSTOM_HOST}/#EM1234A1ZN2`)
    expect((await waitForLauncher(page, /^Signoff: 1 proposal$/)).name).toBe("Signoff: 1 proposal")
    await openPanel(page)
    const card = await openProposal(page, proposal.id)
    await action(card, "Approve").click()
    await pollUntil(
      async () => (await session.reviewer.getProposal(proposal.id)).status === "approved",
      "the approval on the custom domain to reach the server"
    )
    await page.close()
  })
})
