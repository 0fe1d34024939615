import type { SyncRunResult } from "./engine"

/** Did this run change what a panel shows: proposals pulled, decisions sent or refused, or the sync error? */
export function syncRunChangedCache(result: SyncRunResult, previousError: string | null): boolean {
  if (!result.ran) return false
  const pushed = result.push ? result.push.sent + result.push.conflicted + result.push.failed : 0
  return result.pulled > 0 || pushed > 0 || result.error !== previousError
}
