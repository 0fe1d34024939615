/**
 * `npm run example:agent` — an agent that rewrites the demo's spring launch email (HubSpot email
 * 1100) and lets a person decide. Run `npm run demo` first; it prints the command with its URL
 * and agent token (SIGNOFF_URL, SIGNOFF_TOKEN).
 *
 * It proposes the rewrite, prints where to review it, waits for the decision, and then either
 * "applies" the approved change (the reviewer's edits included) and reports the execution bound
 * to its content hash, or prints the reviewer's reason.
 */
import { DEMO_URLS, HUBSPOT_SPRING_CAMPAIGN_ID, SPRING_EMAIL_BEFORE } from "../../scripts/demo-data"
import { SignoffClient, describeRejection } from "../src"

const REWRITE = `<h1>Spring is here: three things your team can ship this week</h1>
<p>Hi {{ contact.firstname }},</p>
<p>Teams like yours cut reporting time by a third with the spring release. Here is what is new:</p>
<ul><li>Scheduled dashboards</li><li>One-click CRM sync</li><li>Shared campaign calendars</li></ul>
<p><a href="https://acme.example/spring?utm_source=email&utm_campaign=spring">See what is new</a></p>
<p style="font-size:12px"><a href="{{ unsubscribe_link }}">Unsubscribe</a></p>`

const client = SignoffClient.fromEnv()
const abort = new AbortController()
process.once("SIGINT", () => abort.abort())

const proposed = await client.createProposal({
  workflowId: "email-copywriter",
  agent: { name: "example-copywriter", version: "1.0.0" },
  target: { platform: "hubspot", kind: "email", id: "1100", url: DEMO_URLS.hubspotEmail, parents: [{ kind: "campaign", id: HUBSPOT_SPRING_CAMPAIGN_ID }] },
  title: "Rewrite the spring launch email around a customer outcome",
  summary: "Opens with the reporting-time saving, lists the three features, tracks the CTA and adds the unsubscribe link.",
  rationale: "Outcome-led openings out-clicked feature-led ones in the last three B2B sends.",
  evidence: [{ label: "Past performance", value: "Outcome-led: 4.1% CTR vs 3.4% (last 3 sends)", source: "HubSpot email analytics" }],
  confidence: 0.74,
  risk: { customerFacing: true, writesProduction: true },
  change: { kind: "content", field: "body", format: "html", before: SPRING_EMAIL_BEFORE, after: REWRITE }
})
console.log(`Proposed ${proposed.id} (${proposed.status}).`)
console.log(`Review it in the page, with the Signoff panel: ${proposed.reviewUrl}`)
console.log("Waiting for a person's decision (Ctrl+C to stop waiting; the proposal stays in the queue)...")

const outcome = await client.waitForDecision(proposed.id, { signal: abort.signal }).catch((error: unknown) => {
  if (abort.signal.aborted) {
    console.log(`Stopped waiting. Pick it up later with: listProposals({status: "pending"}) → ${proposed.id}`)
    process.exit(0)
  }
  throw error
})

switch (outcome.status) {
  case "approved": {
    console.log(outcome.edited ? "Approved with the reviewer's edits. Applying the edited version:" : "Approved. Applying it:")
    console.log(outcome.change.kind === "content" ? outcome.change.after : JSON.stringify(outcome.change))
    // A real agent writes to HubSpot here, then reports exactly what it applied.
    const executed = await client.reportExecution(proposed.id, { outcome: "executed", contentHash: outcome.contentHash, detail: "email 1100 body updated" })
    console.log(`Reported execution with content hash ${outcome.contentHash.slice(0, 12)}… → ${executed.status}`)
    break
  }
  case "rejected":
    console.log(`${describeRejection(outcome)}. Nothing applied; the next draft will take it into account.`)
    break
  default:
    console.log(`Not applied: the proposal is ${outcome.status}.`)
}
