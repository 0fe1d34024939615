/**
 * LangGraph JS + Signoff. `SIGNOFF_URL=… SIGNOFF_TOKEN=<agent token> npx tsx sdk/examples/langgraph-agent.ts`
 * against `npm run demo`'s server. The graph interrupts with the human-in-the-loop middleware's
 * payload; Signoff's decision resumes it (approve, edit, or reject with the reviewer's reason).
 */
import { Annotation, END, INTERRUPT, MemorySaver, START, StateGraph, interrupt, isInterrupted } from "@langchain/langgraph"
import { type ActionRequest, type HITLResponse, hitlRequest, signoffResume } from "../src/adapters/langgraph"
import { SignoffClient } from "../src"
import { proposeSubject, say, subjectFrom } from "./shared"

const State = Annotation.Root({ subject: Annotation<string>, outcome: Annotation<string> })
const graph = new StateGraph(State)
  .addNode("set_subject", (state) => {
    const action: ActionRequest = { name: "set_subject", args: { emailId: "1100", subject: state.subject } }
    const [decision] = (interrupt(hitlRequest([action])) as HITLResponse).decisions
    if (decision!.type === "reject") return { outcome: `not applied: ${decision!.message}` }
    const args = decision!.type === "edit" ? decision!.editedAction.args : action.args
    say(`(writing to HubSpot) email 1100 subject := ${args.subject}`)
    return { outcome: `applied: ${args.subject}` }
  })
  .addEdge(START, "set_subject")
  .addEdge("set_subject", END)
  .compile({ checkpointer: new MemorySaver() })

const client = SignoffClient.fromEnv()
const config = { configurable: { thread_id: `spring-subject-${Date.now()}` } }
const paused = await graph.invoke({ subject: "Spring is here: 3 things to ship this week", outcome: "" }, config)
if (!isInterrupted(paused)) throw new Error("expected the graph to wait for a human")
say("Waiting in Signoff for a person (review email 1100 in the demo browser)...")
const { command, actions } = await signoffResume(paused[INTERRUPT][0]!, {
  client,
  propose: (action) => proposeSubject({ emailId: String(action.args.emailId), subject: String(action.args.subject) }, "langgraph-example"),
  toArgs: (change, action) => subjectFrom(change, { emailId: String(action.args.emailId), subject: String(action.args.subject) })
})
const done = await graph.invoke(command, config)
for (const { proposalId, outcome } of actions)
  if (outcome.status === "approved") await client.reportExecution(proposalId, { outcome: "executed", contentHash: outcome.contentHash })
say(`Graph: ${done.outcome}`)
