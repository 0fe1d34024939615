/**
 * Finding things in Signoff's in-page panel. The launcher sits in a closed shadow root (see
 * ./launcher.ts for how the browser itself reaches it) and the panel is an extension page in a frame:
 * Playwright reaches it as one of the page's frames, like any cross-origin iframe. These rely only
 * on the panel's accessible names and on each card's `data-proposal-id`.
 */
import type { Frame, Locator, Page } from "playwright-core"
import { clickLauncher, readLauncher, waitForLauncher } from "./launcher"

export { clickLauncher, readLauncher, waitForLauncher } from "./launcher"

/** The panel page's path: with use_dynamic_url the frame's URL has a per-session host, never this one's. */
export const PANEL_PATH = "/tabs/panel.html"

const isPanelFrame = (frame: Frame) => frame.url().startsWith("chrome-extension://") && new URL(frame.url()).pathname === PANEL_PATH

/** The panel frame of a page, once the launcher created it. */
export async function panelFrame(page: Page, timeoutMs = 20_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const frame = page.frames().find(isPanelFrame)
    if (frame) return frame
    if (Date.now() > deadline) throw new Error(`no Signoff panel frame in ${page.url()}`)
    await page.waitForTimeout(100)
  }
}

/** The side panel (an `aside` named "Signoff review panel") inside its frame. */
export const panel = async (page: Page): Promise<Locator> => (await panelFrame(page)).getByRole("complementary", { name: /Signoff/ })

export const proposalCard = async (page: Page, proposalId: string): Promise<Locator> =>
  (await panelFrame(page)).locator(`article[data-proposal-id="${proposalId}"]`)

/** Navigate and wait for the content script to mount its launcher. */
export async function gotoWithPanel(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await waitForLauncher(page)
}

/** Open the panel from the launcher (a real click) unless it is open already; resolves with the panel. */
export async function openPanel(page: Page): Promise<Locator> {
  const launcher = await waitForLauncher(page)
  if (!launcher.expanded) await clickLauncher(page)
  const aside = await panel(page)
  await aside.waitFor({ state: "visible", timeout: 20_000 })
  return aside
}

/** Expand one proposal's card so its actions show; returns the card. */
export async function openProposal(page: Page, proposalId: string): Promise<Locator> {
  const card = await proposalCard(page, proposalId)
  await card.waitFor({ state: "visible", timeout: 30_000 })
  const title = card.locator("button.title-button")
  if ((await title.getAttribute("aria-expanded")) !== "true") await title.click()
  return card
}

/** A decision button on a proposal's card (UI contract names: Approve, Reject, Edit, Revert, Pause workflow). */
export const action = (card: Locator, name: "Approve" | "Reject" | "Edit" | "Revert" | "Pause workflow"): Locator =>
  card.getByRole("button", { name, exact: true })

/** Reject with a preset reason in the panel (Reject → reason: two actions). */
export async function rejectWithReason(card: Locator, reasonLabel: RegExp | string): Promise<void> {
  await action(card, "Reject").click()
  await card.getByRole("group", { name: "Why reject?" }).getByRole("button", { name: reasonLabel }).click()
}

/** The launcher's accessible name ("Signoff: 2 proposals"), or "" when there is none. */
export async function launcherName(page: Page): Promise<string> {
  return (await readLauncher(page).catch(() => null))?.name ?? ""
}
