import { Client } from "@modelcontextprotocol/sdk/client/index.js"
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { expectSixToolsNoneDecides, runProposeWaitReportCycle } from "~tests/support/mcp-cycle"
import { proposalBody } from "~tests/support/proposals"
import { type ServerWithCast, startServerWithCast } from "../server/fixtures"

let cast: ServerWithCast
const clients: Client[] = []

beforeAll(async () => {
  cast = await startServerWithCast()
})
afterAll(async () => {
  for (const client of clients) await client.close()
  await cast.server.close()
})

/** An MCP client on /mcp with a bearer token, as an MCP host configured with Signoff's URL would be. */
async function connect(token: string): Promise<Client> {
  const client = new Client({ name: "signoff-test", version: "1.0.0" })
  const transport = new StreamableHTTPClientTransport(new URL(`${cast.server.url}/mcp`), { requestInit: { headers: { authorization: `Bearer ${token}` } } })
  await client.connect(transport)
  clients.push(client)
  return client
}

describe("MCP over Streamable HTTP at /mcp", () => {
  it("lists the six Signoff tools, none of which decides", async () => {
    await expectSixToolsNoneDecides(await connect(cast.agent))
  })

  it("runs propose → a reviewer approves through the API → wait → report execution", async () => {
    await runProposeWaitReportCycle(await connect(cast.agent), cast)
  })

  it("acts as the calling agent: it cannot read another agent's proposal", async () => {
    const theirs = (await cast.api.createProposal(await cast.server.token("agent", "someone-else"), proposalBody())).body.id
    const result = await (await connect(cast.agent)).callTool({ name: "signoff_get", arguments: { id: theirs } })
    expect(result.isError).toBe(true)
    expect(JSON.stringify(result.content)).toContain("404 not_found")
  })

  it("refuses a request without a valid bearer token (401)", async () => {
    const res = await fetch(`${cast.server.url}/mcp`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" })
    })
    expect(res.status).toBe(401)
  })

  it("refuses reviewer and admin tokens (403): the MCP tools are for agents", async () => {
    for (const token of [cast.ana, cast.admin]) await expect(connect(token)).rejects.toThrow(/403|forbidden/i)
  })

  it("answers GET with 405: there is no server-initiated stream", async () => {
    const res = await fetch(`${cast.server.url}/mcp`, { headers: { authorization: `Bearer ${cast.agent}`, accept: "text/event-stream" } })
    expect(res.status).toBe(405)
  })

  it("answers a body that is not JSON with a JSON-RPC parse error", async () => {
    const res = await fetch(`${cast.server.url}/mcp`, {
      method: "POST",
      headers: { authorization: `Bearer ${cast.agent}`, "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: "{nope"
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ jsonrpc: "2.0", error: { code: -32700 } })
  })
})
