import { Command } from "@langchain/langgraph"
import type { Change, ProposalCreate } from "~src/domain"
import { canonicalJson } from "~src/domain/canonical-json"
import type { SignoffClient } from "../client"
import { type DecisionOutcome, describeRejection } from "../decision"

/**
 * Signoff for LangGraph JS, in the shape of LangChain's human-in-the-loop middleware
 * (humanInTheLoopMiddleware): the graph calls `interrupt(hitlRequest(actions))`; the runner passes
 * the interrupt to `signoffResume`, which proposes each action, waits for the person and returns
 * the `Command({resume: {decisions}})` to continue with: approve, edit (the reviewer's change,
 * mapped back to arguments) or reject with the reviewer's reason as the message for the model.
 * The same resume answers the middleware's own interrupts.
 */
export interface ActionRequest {
  name: string
  args: Record<string, unknown>
  description?: string
}
export type HitlDecisionType = "approve" | "edit" | "reject"
export interface ReviewConfig {
  actionName: string
  allowedDecisions: HitlDecisionType[]
}
export interface HITLRequest {
  actionRequests: ActionRequest[]
  reviewConfigs: ReviewConfig[]
}
export type HITLDecision =
  { type: "approve" } | { type: "edit"; editedAction: { name: string; args: Record<string, unknown> } } | { type: "reject"; message?: string }
export interface HITLResponse {
  decisions: HITLDecision[]
}

/** The interrupt payload for `actions`, every decision allowed (Signoff's reviewers may approve, edit or reject). */
export function hitlRequest(actions: ActionRequest[]): HITLRequest {
  const names = [...new Set(actions.map((a) => a.name))]
  return { actionRequests: actions, reviewConfigs: names.map((actionName) => ({ actionName, allowedDecisions: ["approve", "edit", "reject"] })) }
}

export interface SignoffResumeOptions {
  client: SignoffClient
  /** The proposal for one action. Deterministic: re-sent with the same key after a restart. */
  propose: (action: ActionRequest) => ProposalCreate
  /** The action's arguments that apply `change` (a reviewer's edited change). */
  toArgs: (change: Change, action: ActionRequest) => Record<string, unknown>
  /** Namespace of the idempotency keys. Default "langgraph". */
  keyPrefix?: string
  waitTimeoutMs?: number
}

/** Resumes any graph: it only carries `resume` (no state update, no goto), so it fits every graph's invoke. */
export type ResumeCommand = Command<HITLResponse, never, never>

export interface ResumedAction {
  action: ActionRequest
  proposalId: string
  outcome: DecisionOutcome
  decision: HITLDecision
}

/**
 * Decides an interrupt through Signoff. Returns the resume command and, per action, its proposal
 * and outcome (report the execution of approved ones with `outcome.contentHash` once they ran).
 */
export async function signoffResume(
  interrupt: { id?: string; value?: unknown },
  options: SignoffResumeOptions
): Promise<{ command: ResumeCommand; actions: ResumedAction[] }> {
  const request = interrupt.value as Partial<HITLRequest> | undefined
  if (!Array.isArray(request?.actionRequests)) throw new Error("signoff: this interrupt is not a human-in-the-loop request ({actionRequests, reviewConfigs})")
  const { client, propose, toArgs, keyPrefix = "langgraph", waitTimeoutMs } = options
  // The interrupt id is stable across resumes of the same checkpoint; without one, the request itself is.
  const scope = interrupt.id ?? canonicalJson(request.actionRequests).slice(0, 150)
  const actions = await Promise.all(
    request.actionRequests.map(async (action, index): Promise<ResumedAction> => {
      const { id } = await client.createProposal(propose(action), { idempotencyKey: `${keyPrefix}:${scope}:${index}` })
      const outcome = await client.waitForDecision(id, waitTimeoutMs === undefined ? {} : { timeoutMs: waitTimeoutMs })
      return { action, proposalId: id, outcome, decision: decisionFor(outcome, action, toArgs) }
    })
  )
  return { command: new Command<HITLResponse, never, never>({ resume: { decisions: actions.map((a) => a.decision) } }), actions }
}

function decisionFor(outcome: DecisionOutcome, action: ActionRequest, toArgs: SignoffResumeOptions["toArgs"]): HITLDecision {
  switch (outcome.status) {
    case "approved":
      return outcome.edited ? { type: "edit", editedAction: { name: action.name, args: toArgs(outcome.change, action) } } : { type: "approve" }
    case "rejected":
      return { type: "reject", message: `${describeRejection(outcome)}. The change was not applied.` }
    case "timeout":
      return { type: "reject", message: "No decision yet; the change was not applied." }
    default:
      return { type: "reject", message: `The change was not applied: its proposal is ${outcome.status}.` }
  }
}
