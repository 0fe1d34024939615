import type { Proposal } from "~src/domain"
import type { Services } from "../app-env"
import { expireDue } from "./expiry"
import { loadProposal } from "./record"

/** Has the proposal reached what the waiter is waiting for? */
const isSettled = (proposal: Proposal, afterVersion: number | undefined): boolean =>
  afterVersion === undefined ? proposal.status !== "pending" : proposal.version > afterVersion

/**
 * Long-poll: resolves as soon as the proposal leaves `pending` (or passes `afterVersion`), or
 * with its current state when `timeoutMs` runs out. Driven by commit events, not a polling loop;
 * the only timer besides the deadline is the proposal's own expiry, so it expires on time.
 */
export async function waitForProposal(
  services: Services,
  id: string,
  timeoutMs: number,
  afterVersion: number | undefined,
  signal?: AbortSignal
): Promise<Proposal | undefined> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    // Subscribe before reading, so a decision landing in between still wakes us.
    const watch = services.events.watch(id, Math.max(0, deadline - Date.now()), signal)
    await expireDue(services, id)
    const proposal = await loadProposal(services.db, id)
    if (!proposal || isSettled(proposal, afterVersion) || Date.now() >= deadline || signal?.aborted) {
      watch.cancel()
      return proposal
    }
    const untilExpiry =
      proposal.status === "pending" && proposal.expiresAt ? Date.parse(proposal.expiresAt) - services.now().getTime() : Number.POSITIVE_INFINITY
    if (untilExpiry < deadline - Date.now()) {
      // Wake at expiry too; the next turn of the loop expires it (and that wakes other waiters).
      const expiryTimer = setTimeout(() => watch.cancel(), Math.max(0, untilExpiry) + 5)
      await watch.settled
      clearTimeout(expiryTimer)
      continue
    }
    const changed = await watch.settled
    if (!changed) return loadProposal(services.db, id)
  }
}
