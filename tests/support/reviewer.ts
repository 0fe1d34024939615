import type { SignoffClient } from "~sdk/src"
import type { ServerWithCast } from "~tests/integration/server/fixtures"

/**
 * A reviewer (Ana) who decides as soon as the agent's proposal for `targetId` is pending: the
 * agent is usually already waiting, as in life. Resolves with the decision's response.
 */
export async function reviewerDecidesWhenProposed(
  cast: Pick<ServerWithCast, "api" | "ana">,
  agentClient: SignoffClient,
  targetId: string,
  decision: Record<string, unknown>
) {
  for (;;) {
    const { items } = await agentClient.listProposals({ status: "pending", targetId })
    if (items[0]) return cast.api.decide(cast.ana, items[0].id, { ...decision, proposalVersion: items[0].version })
    await new Promise((resolve) => setTimeout(resolve, 30))
  }
}
