import type { ProposalsTable } from "../db/schema"
import type { Caller } from "./tokens"

/**
 * Agents see only the proposals their principal created (a rotated token keeps access to the
 * agent's earlier proposals); everyone else sees all. Every route that reads or acts on one
 * proposal by id asks this, and answers 404 when it says no (an agent cannot probe ids).
 */
export const canSee = (caller: Caller, row: Pick<ProposalsTable, "created_by_principal">): boolean =>
  caller.role !== "agent" || row.created_by_principal === caller.principalId

/** canSee as a list filter: the creating principal an agent's listing is narrowed to (none for the others). */
export const visibleCreator = (caller: Caller): string | undefined => (caller.role === "agent" ? caller.principalId : undefined)
