import browser from "webextension-polyfill"
import type { Proposal } from "~src/domain"
import { highRiskNotifications } from "~src/sync"

/** Show the opt-in notifications for newly arrived high-risk proposals (ids = proposal ids, for clicks). */
export async function notifyHighRiskArrivals(arrived: readonly Proposal[]): Promise<void> {
  for (const n of highRiskNotifications(arrived)) {
    await browser.notifications.create(n.id, {
      type: "basic",
      // Plasmo renames icons with a content hash; the manifest knows the current file.
      iconUrl: browser.runtime.getURL(browser.runtime.getManifest().icons?.["128"] ?? "icon128.png"),
      title: n.title,
      message: n.message,
      priority: 1
    })
  }
}
