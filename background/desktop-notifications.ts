import browser from "webextension-polyfill"
import type { Proposal } from "~src/domain"
import { highRiskNotifications, type ProposalNotification } from "~src/sync"

/** One desktop notification; its id is the proposal's (or "signoff-more"), which the click handler opens. */
export async function showNotification(n: ProposalNotification): Promise<void> {
  await browser.notifications.create(n.id, {
    type: "basic",
    // Plasmo renames icons with a content hash; the manifest knows the current file.
    iconUrl: browser.runtime.getURL(browser.runtime.getManifest().icons?.["128"] ?? "icon128.png"),
    title: n.title,
    message: n.message,
    priority: 1
  })
}

/** Show the opt-in notifications for newly arrived high-risk proposals (ids = proposal ids, for clicks). */
export async function notifyHighRiskArrivals(arrived: readonly Proposal[]): Promise<void> {
  for (const n of highRiskNotifications(arrived)) await showNotification(n)
}
