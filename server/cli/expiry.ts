const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const

/**
 * `--expires` of `token create`: a duration from now (`90m`, `12h`, `30d`) or an ISO date-time.
 * Undefined when it is neither.
 */
export function parseExpiry(text: string, now: Date): Date | undefined {
  const duration = /^(\d{1,6})([mhd])$/.exec(text.trim())
  if (duration) return new Date(now.getTime() + Number(duration[1]) * UNIT_MS[duration[2] as keyof typeof UNIT_MS])
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return undefined
  const at = Date.parse(text)
  return Number.isNaN(at) ? undefined : new Date(at)
}

/** `--workflows a,b` or `*`: the token's scope, or undefined when a name is not a workflow id. */
export function parseWorkflowList(text: string): "*" | string[] | undefined {
  if (text.trim() === "*") return "*"
  const ids = text
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id.length > 0)
  if (ids.length === 0 || ids.some((id) => !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id) || id.length > 100)) return undefined
  return [...new Set(ids)]
}
