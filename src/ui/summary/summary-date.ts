const DAY_MS = 86_400_000

/** A UTC day as the API names it (`YYYY-MM-DD`): the daily summary's days are UTC days. */
export const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

/** Yesterday, in UTC: the summary a person reviews each morning. */
export const yesterdayUtc = (now: number): string => utcDay(now - DAY_MS)

/** A day the summary can be asked for: a real calendar date, not after today (UTC). */
export function isSummaryDay(value: string, now: number): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const ms = Date.parse(`${value}T00:00:00Z`)
  return !Number.isNaN(ms) && utcDay(ms) === value && value <= utcDay(now)
}
