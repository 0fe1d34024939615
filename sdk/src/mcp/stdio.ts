import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js"
import { SignoffClient } from "../client"
import { createSignoffMcpServer } from "./server"

/**
 * `npm run mcp`: Signoff as an MCP server over stdio, for MCP clients that start their tools as
 * processes. Env: SIGNOFF_URL (default http://127.0.0.1:8787), SIGNOFF_TOKEN (an agent token).
 * stdout carries the protocol; anything for a person goes to stderr.
 */
try {
  const client = SignoffClient.fromEnv()
  await createSignoffMcpServer(client).connect(new StdioServerTransport())
  console.error(`signoff MCP server on stdio, talking to ${client.url}`)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
