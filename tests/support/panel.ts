/**
 * Finding things in the Signoff panel of a host page. The panel lives in an open shadow root;
 * Playwright's role and CSS locators pierce open shadow roots, so these read like any page.
 * They rely only on the UI contract (SPEC §4) and on each card's `data-proposal-id`.
 */
import type { Locator, Page } from "playwright-core"

/** UI contract: the launcher's accessible name starts with "Signoff". */
export const launcher = (page: Page): Locator => page.getByRole("button", { name: /^Signoff/ })

/** The side panel (an `aside` named "Signoff review panel"). */
export const panel = (page: Page): Locator => page.getByRole("complementary", { name: /Signoff/ })

export const proposalCard = (page: Page, proposalId: string): Locator => page.locator(`article[data-proposal-id="${proposalId}"]`)

/** Navigate and wait for the content script to mount its launcher. */
export async function gotoWithPanel(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await launcher(page).waitFor({ state: "visible", timeout: 30_000 })
}

/** Open the panel from the launcher unless it is open already. */
export async function openPanel(page: Page): Promise<void> {
  const button = launcher(page)
  await button.waitFor({ state: "visible", timeout: 30_000 })
  if ((await button.getAttribute("aria-expanded")) !== "true") await button.click()
  await panel(page).waitFor({ state: "visible", timeout: 10_000 })
}

/** Expand one proposal's card so its actions show; returns the card. */
export async function openProposal(page: Page, proposalId: string): Promise<Locator> {
  const card = proposalCard(page, proposalId)
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
