import browser from "webextension-polyfill"
import { MIN_SYNC_INTERVAL_MINUTES } from "~src/db"

export const SYNC_ALARM = "signoff-sync"
/** One-shot alarm for the next outbox retry; Chrome clamps it to ≥ 30 s, which suits backoff. */
export const RETRY_ALARM = "signoff-retry"

/** (Re)create the periodic sync alarm when missing or when the interval changed. Alarms survive worker restarts. */
export async function ensureSyncAlarm(intervalMinutes: number): Promise<void> {
  const period = Math.max(MIN_SYNC_INTERVAL_MINUTES, intervalMinutes)
  const existing = await browser.alarms.get(SYNC_ALARM)
  if (existing?.periodInMinutes === period) return
  await browser.alarms.create(SYNC_ALARM, { periodInMinutes: period, delayInMinutes: period })
}

export async function scheduleRetry(at: number | null): Promise<void> {
  if (at === null) {
    await browser.alarms.clear(RETRY_ALARM)
    return
  }
  await browser.alarms.create(RETRY_ALARM, { when: Math.max(at, Date.now() + 1_000) })
}
