import { execFile } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { Client } from "@modelcontextprotocol/sdk/client/index.js"
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildSdk } from "~sdk/build"
import { canonicalHash as contentHashOf } from "~sdk/src/hash"
import { expectSixToolsNoneDecides, runProposeWaitReportCycle } from "~tests/support/mcp-cycle"
import { proposalBody } from "~tests/support/proposals"
import { type ServerWithCast, startServerWithCast } from "../server/fixtures"

/**
 * The SDK as an agent outside this repository gets it: sdk/dist, built by esbuild, imported by a
 * plain Node ESM program (no TypeScript, no path aliases), and its MCP server started with node.
 */
const root = fileURLToPath(new URL("../../..", import.meta.url))
const dist = join(root, "sdk/dist")
const run = promisify(execFile)

let cast: ServerWithCast
let scratch: string
beforeAll(async () => {
  await buildSdk()
  cast = await startServerWithCast()
  scratch = mkdtempSync(join(tmpdir(), "signoff-sdk-"))
}, 60_000)
afterAll(async () => {
  await cast.server.close()
  rmSync(scratch, { recursive: true, force: true })
})

describe("the built SDK (sdk/dist)", () => {
  it("is imported by a plain Node ESM program that proposes, reads, and hashes as the server does", async () => {
    const program = join(scratch, "agent.mjs")
    writeFileSync(
      program,
      `import { SignoffClient, canonicalHash } from ${JSON.stringify(`file://${dist}/index.js`)}
const client = new SignoffClient({ url: process.env.SIGNOFF_URL, token: process.env.SIGNOFF_TOKEN })
const created = await client.createProposal(JSON.parse(process.env.BODY))
const read = await client.getProposal(created.id)
console.log(JSON.stringify({ id: created.id, status: read.status, contentHash: created.contentHash, hash: canonicalHash(read.change) }))
`
    )
    const body = proposalBody({ title: "From plain Node" })
    const { stdout } = await run(process.execPath, [program], {
      env: { ...process.env, SIGNOFF_URL: cast.server.url, SIGNOFF_TOKEN: cast.agent, BODY: JSON.stringify(body) }
    })
    const result = JSON.parse(stdout)
    expect(result).toMatchObject({ status: "pending", contentHash: contentHashOf(body.change), hash: contentHashOf(body.change) })
    expect((await cast.api.get(`/v1/proposals/${result.id}`, cast.ana)).body.title).toBe("From plain Node")
  })

  it("serves MCP over stdio (node sdk/dist/mcp/stdio.js): six tools, none deciding, and a full cycle", async () => {
    const client = new Client({ name: "signoff-test", version: "1.0.0" })
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [join(dist, "mcp/stdio.js")],
        env: { PATH: process.env.PATH ?? "", SIGNOFF_URL: cast.server.url, SIGNOFF_TOKEN: cast.agent },
        stderr: "ignore"
      })
    )
    try {
      await expectSixToolsNoneDecides(client)
      await runProposeWaitReportCycle(client, cast)
    } finally {
      await client.close()
    }
  })

  it("refuses to start the MCP server without SIGNOFF_TOKEN, saying how to get one", async () => {
    const failure = await run(process.execPath, [join(dist, "mcp/stdio.js")], { env: { PATH: process.env.PATH ?? "", NODE_ENV: "production" } }).catch(
      (e: { code: number; stderr: string }) => e
    )
    expect(failure).toMatchObject({ code: 1, stderr: expect.stringContaining("token create --role agent") })
  })
})
