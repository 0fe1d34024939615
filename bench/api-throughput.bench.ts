/**
 * Decision endpoint throughput as a ratio of an empty Hono route on the same server, from one
 * run. Target ≥ 0.5; prints the figures and the ratio, never asserts.
 *
 *   npx tsx bench/api-throughput.bench.ts [--seconds 5] [--decisions 4000] [--connections 10]
 *
 * The real server (auth, zod validation, one SQLite transaction with the decision, version + seq
 * bump and audit link per request) on a temporary SQLite file, 127.0.0.1 only, in a child
 * process of its own; autocannon drives it from this one.
 * Every decision needs a fresh pending proposal, so `--decisions` proposals are created up front
 * and autocannon's request generator hands each request its own; the decision run is bounded by
 * that count (and by `--seconds`, whichever ends first), the empty route by `--seconds`.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { parseArgs } from "node:util"
import { startServer } from "~server/start"

/** The slice of autocannon's API used here (it ships no type declarations). */
interface AutocannonRequest {
  method?: string
  path?: string
  headers?: Record<string, string>
  body?: string
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest
}
interface AutocannonResult {
  requests: { average: number; total: number }
  latency: { p50: number; p99: number }
  non2xx: number
  errors: number
  duration: number
}
type Autocannon = (options: {
  url: string
  connections: number
  duration?: number
  amount?: number
  headers?: Record<string, string>
  requests?: AutocannonRequest[]
}) => Promise<AutocannonResult>

const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "5" },
    decisions: { type: "string", default: "4000" },
    connections: { type: "string", default: "10" },
    serve: { type: "boolean", default: false }
  }
})
const SECONDS = Number(args.seconds)
const DECISIONS = Number(args.decisions)
const CONNECTIONS = Number(args.connections)

const proposalBody = (i: number) =>
  JSON.stringify({
    workflowId: "bench",
    agent: { name: "bench-agent", version: "1.0.0" },
    target: { platform: "hubspot", kind: "contact", id: String(i) },
    title: `Normalize job title #${i}`,
    summary: "Maps a free-text job title to the standard list.",
    evidence: [{ label: "Source field", value: "jobtitle" }],
    confidence: 0.9,
    change: { kind: "fields", changes: [{ field: "jobtitle", before: "vp mktg", after: "VP Marketing" }] }
  })

interface BenchServer {
  url: string
  agent: string
  reviewer: string
}

/**
 * Child role: the server in its own process, so the load generator does not share (and slow)
 * its event loop. Prints one JSON line `{url, agent, reviewer}` and serves until killed.
 */
async function serveForBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "signoff-bench-"))
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    db: join(dir, "bench.sqlite"),
    extendApp: (app) => app.get("/bench/empty", (c) => c.text("ok"))
  })
  const agent = await server.createToken("agent", "bench-agent")
  const reviewer = await server.createToken("reviewer", "bench-reviewer")
  const stop = () => {
    server.close().finally(() => {
      rmSync(dir, { recursive: true, force: true })
      process.exit(0)
    })
  }
  process.once("SIGTERM", stop)
  process.once("SIGINT", stop)
  console.log(JSON.stringify({ url: server.url, agent, reviewer } satisfies BenchServer))
}

function spawnBenchServer(): Promise<{ info: BenchServer; child: ChildProcess }> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--serve"], {
    stdio: ["ignore", "pipe", "inherit"]
  })
  return new Promise((resolve, reject) => {
    let buffered = ""
    child.stdout!.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8")
      const line = buffered.split("\n").find((l) => l.startsWith("{"))
      if (line) resolve({ info: JSON.parse(line) as BenchServer, child })
    })
    child.once("exit", (code) => reject(new Error(`bench server exited early (${code})`)))
  })
}

async function main(): Promise<void> {
  const { info, child } = await spawnBenchServer()
  const server = { url: info.url }
  const { agent, reviewer } = info
  try {
    const empty = await autocannon({ url: `${server.url}/bench/empty`, connections: CONNECTIONS, duration: SECONDS })

    const needed = DECISIONS
    process.stdout.write(`creating ${needed} pending proposals… `)
    const created = await autocannon({
      url: server.url,
      connections: CONNECTIONS,
      amount: needed,
      requests: [
        {
          setupRequest: (request) => ({
            ...request,
            method: "POST",
            path: "/v1/proposals",
            headers: { authorization: `Bearer ${agent}`, "content-type": "application/json" },
            body: proposalBody(Math.floor(Math.random() * 1e9))
          })
        }
      ]
    })
    console.log(`done (${created.non2xx} non-2xx)`)

    const ids = await pendingIds(server.url, reviewer)
    let next = 0
    // Bounded by the pool: each proposal is decided once; a 409 from reuse would flatter nothing.
    const decisions = await autocannon({
      url: server.url,
      connections: CONNECTIONS,
      amount: ids.length,
      requests: [
        {
          setupRequest: (request) => ({
            ...request,
            method: "POST",
            path: `/v1/proposals/${ids[next++ % ids.length]}/decisions`,
            headers: { authorization: `Bearer ${reviewer}`, "content-type": "application/json" },
            body: JSON.stringify({ action: "approve", proposalVersion: 1, reviewMs: 1_500 })
          })
        }
      ]
    })

    const ratio = decisions.requests.average / empty.requests.average
    console.log(`empty Hono route:        ${empty.requests.average.toFixed(0)} req/s (p50 ${empty.latency.p50} ms, p99 ${empty.latency.p99} ms)`)
    console.log(
      `POST …/decisions:        ${decisions.requests.average.toFixed(0)} req/s (p50 ${decisions.latency.p50} ms, p99 ${decisions.latency.p99} ms, ${decisions.non2xx} non-2xx of ${decisions.requests.total})`
    )
    console.log(`ratio decisions / empty: ${ratio.toFixed(2)} (target ≥ 0.5) ${ratio >= 0.5 ? "✓" : "✗ below target"}`)
  } finally {
    child.kill("SIGTERM")
  }
}

/** Every pending proposal id, through the sync feed (what a reviewer's extension would see). */
async function pendingIds(url: string, token: string): Promise<string[]> {
  const ids: string[] = []
  let since = 0
  for (;;) {
    const response = await fetch(`${url}/v1/sync?since=${since}&limit=1000`, { headers: { authorization: `Bearer ${token}` } })
    const page = (await response.json()) as { items: Array<{ id: string; status: string }>; nextSince: number; hasMore: boolean }
    ids.push(...page.items.filter((p) => p.status === "pending").map((p) => p.id))
    since = page.nextSince
    if (!page.hasMore) return ids
  }
}

const run = args.serve ? serveForBench() : main()
run.catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
