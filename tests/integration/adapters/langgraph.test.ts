import { Annotation, END, INTERRUPT, MemorySaver, START, StateGraph, interrupt, isInterrupted } from "@langchain/langgraph"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type ActionRequest, type HITLResponse, hitlRequest, signoffResume } from "~sdk/src/adapters/langgraph"
import { SignoffClient } from "~sdk/src"
import type { Change, ProposalCreate } from "~src/domain"
import { reviewerDecidesWhenProposed } from "~tests/support/reviewer"
import { proposalBody } from "~tests/support/proposals"
import { type ServerWithCast, startServerWithCast } from "../server/fixtures"

let cast: ServerWithCast
let client: SignoffClient
beforeAll(async () => {
  cast = await startServerWithCast()
  client = new SignoffClient({ url: cast.server.url, token: cast.agent })
})
afterAll(() => cast.server.close())

const State = Annotation.Root({
  emailId: Annotation<string>,
  draft: Annotation<string>,
  applied: Annotation<string | null>,
  feedback: Annotation<string | null>
})

/**
 * A graph that drafts a subject and asks a human before setting it: the interrupt payload is the
 * human-in-the-loop middleware's shape, its resume value the middleware's decisions.
 */
function subjectGraph() {
  return new StateGraph(State)
    .addNode("review_and_apply", (state) => {
      const action: ActionRequest = { name: "set_subject", args: { emailId: state.emailId, subject: state.draft } }
      const { decisions } = interrupt(hitlRequest([action])) as HITLResponse
      const decision = decisions[0]!
      if (decision.type === "reject") return { applied: null, feedback: decision.message ?? "rejected" }
      const args = decision.type === "edit" ? decision.editedAction.args : action.args
      return { applied: String(args.subject), feedback: null }
    })
    .addEdge(START, "review_and_apply")
    .addEdge("review_and_apply", END)
    .compile({ checkpointer: new MemorySaver() })
}

const propose = (action: ActionRequest): ProposalCreate =>
  proposalBody({
    target: { platform: "hubspot", kind: "email", id: String(action.args.emailId) },
    title: `Subject for email ${action.args.emailId}`,
    change: { kind: "content", field: "subject", format: "text", before: "Old subject", after: String(action.args.subject) }
  })
const toArgs = (change: Change, action: ActionRequest) => (change.kind === "content" ? { ...action.args, subject: change.after } : action.args)

const decideWhenProposed = (emailId: string, decision: Record<string, unknown>) => reviewerDecidesWhenProposed(cast, client, emailId, decision)

async function interruptedRun(emailId: string, draft: string) {
  const graph = subjectGraph()
  const config = { configurable: { thread_id: `thread-${emailId}` } }
  const paused = await graph.invoke({ emailId, draft, applied: null, feedback: null }, config)
  if (!isInterrupted(paused)) throw new Error("the graph did not interrupt")
  return { graph, config, interrupt: paused[INTERRUPT][0]! }
}

describe("LangGraph: a human-in-the-loop interrupt decided in Signoff", () => {
  it("pauses with the middleware's payload shape", async () => {
    const { interrupt: pending } = await interruptedRun("700", "Hello")
    expect(pending.value).toEqual({
      actionRequests: [{ name: "set_subject", args: { emailId: "700", subject: "Hello" } }],
      reviewConfigs: [{ actionName: "set_subject", allowedDecisions: ["approve", "edit", "reject"] }]
    })
  })

  it("resumes with approve when the reviewer approves as proposed, and the change is reported with its hash", async () => {
    const { graph, config, interrupt: pending } = await interruptedRun("701", "November: what's new")
    const [{ command, actions }] = await Promise.all([signoffResume(pending, { client, propose, toArgs }), decideWhenProposed("701", { action: "approve" })])
    expect(command.resume).toEqual({ decisions: [{ type: "approve" }] })
    const done = await graph.invoke(command, config)
    expect(done.applied).toBe("November: what's new")
    const outcome = actions[0]!.outcome
    if (outcome.status !== "approved") throw new Error("unreachable")
    expect((await client.reportExecution(actions[0]!.proposalId, { outcome: "executed", contentHash: outcome.contentHash })).status).toBe("executed")
  })

  it("resumes with edit, carrying the reviewer's change as the action's arguments", async () => {
    const { graph, config, interrupt: pending } = await interruptedRun("702", "NEWS!!!")
    const [{ command }] = await Promise.all([
      signoffResume(pending, { client, propose, toArgs }),
      decideWhenProposed("702", { action: "edit", edits: { after: "November news" } })
    ])
    expect(command.resume).toEqual({ decisions: [{ type: "edit", editedAction: { name: "set_subject", args: { emailId: "702", subject: "November news" } } }] })
    expect((await graph.invoke(command, config)).applied).toBe("November news")
  })

  it("resumes with reject and the reviewer's reason as the message", async () => {
    const { graph, config, interrupt: pending } = await interruptedRun("703", "Act now")
    const [{ command }] = await Promise.all([
      signoffResume(pending, { client, propose, toArgs }),
      decideWhenProposed("703", { action: "reject", reason: { code: "off_brand", text: "Too pushy" } })
    ])
    const done = await graph.invoke(command, config)
    expect(done.applied).toBeNull()
    expect(done.feedback).toBe("Rejected by Ana (off brand): Too pushy. The change was not applied.")
  })

  it("finds the same proposal when the same interrupt is resolved again (a restarted runner)", async () => {
    const { interrupt: pending } = await interruptedRun("704", "Again")
    const first = signoffResume(pending, { client, propose, toArgs, waitTimeoutMs: 0 })
    const again = signoffResume(pending, { client, propose, toArgs, waitTimeoutMs: 0 })
    const [a, b] = await Promise.all([first, again])
    expect(a.actions[0]!.proposalId).toBe(b.actions[0]!.proposalId)
    expect(a.command.resume).toEqual({ decisions: [{ type: "reject", message: "No decision yet; the change was not applied." }] })
  })
})
