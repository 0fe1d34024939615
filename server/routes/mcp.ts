import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js"
import { Hono } from "hono"
import { SignoffClient } from "~sdk/src/client"
import { createSignoffMcpServer } from "~sdk/src/mcp/server"
import type { AppEnv } from "../app-env"
import { allow, authenticate } from "../http/auth"

/** The in-process origin the MCP tools call: requests never leave the process. */
const IN_PROCESS_ORIGIN = "http://signoff.internal"

const jsonRpcError = (code: number, message: string) => ({ jsonrpc: "2.0" as const, error: { code, message }, id: null })

/**
 * MCP over Streamable HTTP at /mcp, for agents (bearer token with the agent role, as on /v1).
 * Stateless: each POST gets a fresh MCP server whose tools call the API in process with the
 * caller's own token, so every rule of /v1 (roles, visibility, validation, audit) applies to
 * them unchanged. There is no server-initiated stream, so GET and DELETE answer 405.
 */
export function mcpRoutes(dispatch: (request: Request) => Response | Promise<Response>) {
  const router = new Hono<AppEnv>()
  router.use("/mcp", authenticate, allow("agent"))

  router.post("/mcp", async (c) => {
    let body: unknown
    try {
      body = await c.req.json()
    } catch {
      return c.json(jsonRpcError(-32700, "Parse error: the body is not JSON"), 400)
    }
    const token = c.req
      .header("authorization")!
      .replace(/^Bearer\s+/i, "")
      .trim()
    const client = new SignoffClient({
      url: IN_PROCESS_ORIGIN,
      token,
      fetch: async (input, init) => dispatch(new Request(input, init)),
      retries: 0
    })
    const server = createSignoffMcpServer(client)
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true })
    await server.connect(transport)
    try {
      return await transport.handleRequest(c.req.raw, { parsedBody: body })
    } finally {
      await server.close()
    }
  })

  router.on(["GET", "DELETE"], "/mcp", (c) => c.json(jsonRpcError(-32000, "Method not allowed: this MCP endpoint is stateless, POST only"), 405))
  return router
}
