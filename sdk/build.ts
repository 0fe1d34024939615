import { rm } from "node:fs/promises"
import { fileURLToPath } from "node:url"
import { build } from "esbuild"

const root = fileURLToPath(new URL("..", import.meta.url))

/** The SDK's entry points, as sdk/package.json exports them. */
export const SDK_ENTRY_POINTS = {
  index: "sdk/src/index.ts",
  "mcp/server": "sdk/src/mcp/server.ts",
  "mcp/stdio": "sdk/src/mcp/stdio.ts",
  "adapters/ai-sdk": "sdk/src/adapters/ai-sdk.ts",
  "adapters/openai-agents": "sdk/src/adapters/openai-agents.ts",
  "adapters/langgraph": "sdk/src/adapters/langgraph.ts"
}

/**
 * Bundles the SDK (and the shared domain code it uses: schemas, canonical JSON, the content hash)
 * into plain ESM for Node 20, so an agent that is not this repository's TypeScript can import it.
 * Its dependencies stay imports: zod and the MCP SDK, and the frameworks the adapters plug into.
 */
export async function buildSdk(outDir = `${root}sdk/dist`): Promise<void> {
  await rm(outDir, { recursive: true, force: true })
  await build({
    absWorkingDir: root,
    entryPoints: SDK_ENTRY_POINTS,
    outdir: outDir,
    bundle: true,
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    tsconfig: `${root}tsconfig.json`,
    external: ["zod", "@modelcontextprotocol/sdk", "ai", "@openai/agents", "@openai/agents-core", "@langchain/*"],
    sourcemap: true,
    logLevel: "warning"
  })
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildSdk()
  console.log("SDK built into sdk/dist")
}
