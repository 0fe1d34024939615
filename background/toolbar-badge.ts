import browser from "webextension-polyfill"
import { isConfigured, readMeta, readSettings, type SignoffDatabase } from "~src/db"
import { computeBadge, readAwaitingReview } from "~src/sync"

/** Recompute the toolbar badge from Dexie (the pure rule is computeBadge in src/sync/badge.ts). */
export async function refreshToolbarBadge(db: SignoffDatabase): Promise<void> {
  const [settings, lastError, me] = await Promise.all([readSettings(db), readMeta(db, "lastError"), readMeta(db, "me")])
  const badge = computeBadge({
    configured: isConfigured(settings),
    error: lastError?.message ?? null,
    awaiting: await readAwaitingReview(db, me),
    now: Date.now()
  })
  await Promise.all([
    browser.action.setBadgeText({ text: badge.text }),
    browser.action.setBadgeBackgroundColor({ color: badge.color }),
    browser.action.setBadgeTextColor({ color: "#ffffff" }),
    browser.action.setTitle({ title: badge.title })
  ])
}
