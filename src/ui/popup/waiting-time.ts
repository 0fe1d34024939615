/** "12m", "5h", "3d": how long an item has waited, compact enough for a 400px popup row. */
export function formatWaiting(sinceMs: number, nowMs: number): string {
  const minutes = Math.max(0, Math.floor((nowMs - sinceMs) / 60_000))
  if (minutes < 60) return `${minutes}m`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return `${hours}h`
  return `${Math.floor(hours / 24)}d`
}

/** Long form for accessible names and tooltips. */
export function describeWaiting(sinceMs: number, nowMs: number): string {
  const short = formatWaiting(sinceMs, nowMs)
  const unit = { m: "minute", h: "hour", d: "day" }[short.slice(-1) as "m" | "h" | "d"]
  const n = Number(short.slice(0, -1))
  return `${n} ${unit}${n === 1 ? "" : "s"}`
}
