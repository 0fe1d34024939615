/**
 * OpenAI Agents SDK + Signoff. `SIGNOFF_URL=… SIGNOFF_TOKEN=<agent token> npx tsx sdk/examples/openai-agents-agent.ts`
 * against `npm run demo`'s server. The model is scripted (the SDK's Model interface) so it runs
 * without an API key; drop `model:` to use OpenAI's.
 */
import { Agent, type Model, type ModelResponse, Usage, run, setTracingDisabled, tool } from "@openai/agents"
import { z } from "zod"
import { executeApproved, resolveInterruptions } from "../src/adapters/openai-agents"
import { SignoffClient } from "../src"
import { type SubjectInput, proposeSubject, say, subjectFrom } from "./shared"

setTracingDisabled(true)
const client = SignoffClient.fromEnv()
const propose = (_tool: string, input: unknown) => proposeSubject(input as SubjectInput, "openai-agents-example")

const script: ModelResponse["output"][] = [
  [
    {
      type: "function_call",
      callId: `call_${Date.now()}`,
      name: "set_subject",
      arguments: JSON.stringify({ emailId: "1100", subject: "Spring is here: 3 things to ship this week" }),
      status: "completed"
    }
  ],
  [{ type: "message", role: "assistant", status: "completed", content: [{ type: "output_text", text: "Done." }] }]
]
const model: Model = {
  getResponse: async () => ({ output: script.shift()!, usage: new Usage() }),
  getStreamedResponse: () => {
    throw new Error("not streamed")
  }
}

const agent = new Agent({
  name: "copywriter",
  instructions: "You improve email subject lines.",
  model,
  tools: [
    tool({
      name: "set_subject",
      description: "Set an email's subject line in HubSpot",
      parameters: z.object({ emailId: z.string(), subject: z.string() }),
      needsApproval: true,
      execute: executeApproved("set_subject", { client, propose, toInput: subjectFrom }, (input: SubjectInput) => {
        say(`(writing to HubSpot) email ${input.emailId} subject := ${input.subject}`)
        return "subject updated"
      })
    })
  ]
})

let result = await run(agent, "Give the spring launch email a stronger subject line.")
while (result.interruptions.length > 0) {
  say("Waiting in Signoff for a person (review email 1100 in the demo browser)...")
  const resolved = await resolveInterruptions(result, { client, propose })
  say(`Decision: ${resolved.map((r) => r.outcome.status).join(", ")}`)
  result = await run(agent, result.state)
}
say(`Agent: ${result.finalOutput}`)
