import type { Client } from "@modelcontextprotocol/sdk/client/index.js"
import { expect } from "vitest"
import { SIGNOFF_TOOL_NAMES } from "~sdk/src/mcp/server"
import { canonicalHash } from "~sdk/src"
import type { ServerWithCast } from "~tests/integration/server/fixtures"
import { proposalBody } from "~tests/support/proposals"

type Structured = Record<string, any>

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<Structured> {
  const result = await client.callTool({ name, arguments: args })
  expect(result.isError, JSON.stringify(result.content)).toBeFalsy()
  return result.structuredContent as Structured
}

/** tools/list: the six Signoff tools, read-only hints where they only read, and none that decides. */
export async function expectSixToolsNoneDecides(client: Client): Promise<void> {
  const { tools } = await client.listTools()
  expect(tools.map((t) => t.name).sort()).toEqual([...SIGNOFF_TOOL_NAMES].sort())
  for (const tool of tools) {
    expect(tool.name).not.toMatch(/approve|reject|decide|edit/)
    expect(JSON.stringify(tool.inputSchema)).not.toMatch(/"action"|proposalVersion/)
    expect(tool.outputSchema).toBeDefined()
  }
  const readOnly = tools
    .filter((t) => t.annotations?.readOnlyHint)
    .map((t) => t.name)
    .sort()
  expect(readOnly).toEqual(["signoff_get", "signoff_list", "signoff_wait"])
}

/**
 * The whole loop an MCP agent runs: propose → (a reviewer edits and approves through the API) →
 * wait (pending first, then approved with the edited change) → report execution with its hash.
 */
export async function runProposeWaitReportCycle(client: Client, cast: Pick<ServerWithCast, "api" | "ana">): Promise<void> {
  const body = proposalBody({ title: `MCP cycle ${Math.random()}` })
  const proposed = await call(client, "signoff_propose", { ...body, idempotencyKey: `mcp-${body.title}` })
  expect(proposed).toMatchObject({ status: "pending", contentHash: canonicalHash(body.change), reviewUrl: body.target.url })

  expect(await call(client, "signoff_wait", { id: proposed.id, timeoutSeconds: 0 })).toMatchObject({ status: "pending" })

  const decided = await cast.api.decide(cast.ana, proposed.id, { action: "edit", edits: { after: "November, in brief" }, proposalVersion: 1 })
  expect(decided.status).toBe(200)

  const approved = await call(client, "signoff_wait", { id: proposed.id, timeoutSeconds: 5 })
  expect(approved).toMatchObject({ status: "approved", edited: true, change: { after: "November, in brief" }, contentHash: decided.body.proposal.contentHash })

  const listed = await call(client, "signoff_list", { status: "approved" })
  expect(listed.items.map((p: { id: string }) => p.id)).toContain(proposed.id)

  const reported = await call(client, "signoff_report_execution", { id: proposed.id, outcome: "executed", contentHash: approved.contentHash })
  expect(reported).toMatchObject({ id: proposed.id, status: "executed" })
  expect((await call(client, "signoff_get", { id: proposed.id })).proposal.status).toBe("executed")

  const stale = await client.callTool({
    name: "signoff_report_execution",
    arguments: { id: proposed.id, outcome: "executed", contentHash: proposed.contentHash }
  })
  expect(stale.isError).toBe(true)
  expect(JSON.stringify(stale.content)).toContain("409")
}
