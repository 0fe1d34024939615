/**
 * One API process holding many open connections: 5 000 agents long-polling `/wait` (each on its
 * own proposal) and 500 live channels (reviewers' extensions), on SQLite, 127.0.0.1 only. Prints:
 * - memory per connection (the server's RSS and V8 heap after a GC, before and after opening each kind);
 * - wake latency of the 5 000 waiters as the 5 000 proposals are decided (from the decision's
 *   response to the waiter's, p50/p99), with the channels open and nudged throughout;
 * - a live nudge's delivery to all 500 channels (create → each channel's message, p50/p99);
 * - each latency's p99 as a ratio of the triggering request's own response time in the same run.
 *
 *   npx tsx bench/live-capacity.bench.ts [--waiters 5000] [--channels 500]
 *
 * The server runs in a child process (so the load generator does not share its event loop) with
 * its per-token limits raised out of the way. Both processes need ~6 000 file descriptors: when
 * the soft limit is lower, the bench re-runs itself under `ulimit -n` raised to the hard limit.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { Agent, request } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { parseArgs } from "node:util"
import { WebSocket } from "ws"
import { startServer } from "~server/start"
import type { Services } from "~server/app-env"

const { values: args } = parseArgs({
  options: {
    waiters: { type: "string", default: "5000" },
    channels: { type: "string", default: "500" },
    serve: { type: "boolean", default: false },
    "fd-raised": { type: "boolean", default: false }
  }
})
const WAITERS = Number(args.waiters)
const CHANNELS = Number(args.channels)
const NEEDED_FDS = WAITERS + CHANNELS + 1_000
/** Waiters opened at a time (below the server's listen backlog of 511). */
const WAITER_STEP = 250

interface BenchServer {
  url: string
  agent: string
  reviewer: string
}

async function serveForBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "signoff-capacity-"))
  let services: Services | undefined
  const server = await startServer({
    port: 0,
    db: join(dir, "capacity.sqlite"),
    webhooks: false,
    limits: { writesPerMinute: 1e9, waitsPerMinute: 1e9, maxWaitsPerToken: 1e9, maxLiveChannelsPerToken: 1e9 },
    extendApp: (app) => {
      app.get("/bench/mem", (c) => {
        services ??= c.var.services
        ;(globalThis as { gc?: () => void }).gc?.()
        const { rss, heapUsed } = process.memoryUsage()
        return c.json({ rss, heapUsed, waiting: c.var.services.events.watcherCount() })
      })
    }
  })
  const agent = await server.createToken("agent", "capacity-agent")
  const reviewer = await server.createToken("reviewer", "capacity-reviewer")
  process.once("SIGTERM", () => void server.close().finally(() => (rmSync(dir, { recursive: true, force: true }), process.exit(0))))
  console.log(JSON.stringify({ url: server.url, agent, reviewer } satisfies BenchServer))
}

function spawnServer(): Promise<{ info: BenchServer; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--expose-gc", ...process.execArgv, fileURLToPath(import.meta.url), "--serve"], {
    stdio: ["ignore", "pipe", "inherit"]
  })
  return new Promise((resolve, reject) => {
    let buffered = ""
    child.stdout!.on("data", (chunk: Buffer) => {
      buffered += chunk.toString()
      const line = buffered.split("\n").find((l) => l.startsWith("{"))
      if (line) resolve({ info: JSON.parse(line) as BenchServer, child })
    })
    child.once("exit", (code) => reject(new Error(`bench server exited early (${code})`)))
  })
}

const agent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY })

function call(url: string, method: string, token: string, body?: unknown): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body)
    const req = request(
      url,
      { method, agent, headers: { authorization: `Bearer ${token}`, ...(payload ? { "content-type": "application/json" } : {}) } },
      (res) => {
        let text = ""
        res.on("data", (chunk: Buffer) => (text += chunk.toString()))
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }))
      }
    )
    req.on("error", reject)
    req.end(payload)
  })
}

/** Runs `task(i)` for i < count with `inFlight` at a time. */
async function pool(count: number, inFlight: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) await task(next++)
    })
  )
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
}
const ms = (n: number) => `${n.toFixed(1)} ms`
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`

async function main(): Promise<void> {
  const { info, child } = await spawnServer()
  const memory = async () => (await call(`${info.url}/bench/mem`, "GET", info.reviewer)).body as { rss: number; heapUsed: number; waiting: number }
  const sockets: WebSocket[] = []
  try {
    process.stdout.write(`creating ${WAITERS} pending proposals… `)
    const ids: string[] = new Array(WAITERS)
    await pool(WAITERS, 16, async (i) => {
      const created = await call(`${info.url}/v1/proposals`, "POST", info.agent, {
        workflowId: "capacity",
        agent: { name: "capacity-agent", version: "1.0.0" },
        target: { platform: "hubspot", kind: "contact", id: String(i) },
        title: `Proposal ${i}`,
        summary: "Waiting for a person.",
        evidence: [],
        confidence: 0.9,
        change: { kind: "fields", changes: [{ field: "jobtitle", before: null, after: "VP" }] }
      })
      ids[i] = created.body.id
    })
    console.log("done")
    const bare = await memory()

    // Live channels first, so their cost is measured apart from the waiters'.
    const liveUrl = `${info.url.replace(/^http/, "ws")}/v1/live`
    const nudges: Array<(seq: number) => void> = []
    await pool(CHANNELS, 50, async (i) => {
      const socket = new WebSocket(liveUrl)
      sockets.push(socket)
      await new Promise<void>((resolve, reject) => {
        socket.once("open", () => socket.send(JSON.stringify({ type: "auth", token: info.reviewer })))
        socket.once("message", () => resolve())
        socket.once("error", reject)
      })
      socket.on("message", (data) => {
        const listener = nudges[i]
        if (listener) listener(JSON.parse(data.toString()).seq as number)
      })
    })
    const withChannels = await memory()

    const decidedAt = new Map<string, number>()
    const wokeAt = new Map<string, number>()
    // Opened in steps, each once the server holds the previous ones: thousands of connects at once
    // overflow the listen backlog, and the kernel answers the overflow with resets.
    const waits: Array<Promise<void>> = []
    let failed = 0
    for (let from = 0; from < WAITERS; from += WAITER_STEP) {
      for (const id of ids.slice(from, from + WAITER_STEP))
        waits.push(
          call(`${info.url}/v1/proposals/${id}/wait?timeout=60`, "GET", info.agent).then(
            (r) => void (r.body?.status === "approved" && wokeAt.set(id, performance.now())),
            () => void failed++
          )
        )
      const target = Math.min(WAITERS, from + WAITER_STEP) - failed
      for (let seen = 0; seen < target;) {
        await new Promise((resolve) => setTimeout(resolve, 50))
        seen = (await memory()).waiting
      }
    }
    const withWaiters = await memory()
    const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`
    console.log(
      `server RSS / V8 heap:      ${mib(bare.rss)} / ${mib(bare.heapUsed)} at rest → ${mib(withChannels.rss)} / ${mib(withChannels.heapUsed)} with ${CHANNELS} channels → ${mib(withWaiters.rss)} / ${mib(withWaiters.heapUsed)} with ${WAITERS} waiters too`
    )
    console.log(`per live channel:          heap +${kib((withChannels.heapUsed - bare.heapUsed) / CHANNELS)} (RSS moves by less than its noise at this count)`)
    console.log(
      `per waiter:                heap +${kib((withWaiters.heapUsed - withChannels.heapUsed) / WAITERS)}, RSS +${kib((withWaiters.rss - withChannels.rss) / WAITERS)}`
    )
    console.log(`per connection, all:       RSS +${kib((withWaiters.rss - bare.rss) / (WAITERS + CHANNELS))}`)

    const started = performance.now()
    const decisionTimes: number[] = []
    await pool(WAITERS, 16, async (i) => {
      const id = ids[i]!
      const sent = performance.now()
      const decided = await call(`${info.url}/v1/proposals/${id}/decisions`, "POST", info.reviewer, { action: "approve", proposalVersion: 1 })
      if (decided.status !== 200) throw new Error(`decision ${decided.status}`)
      decidedAt.set(id, performance.now())
      decisionTimes.push(performance.now() - sent)
    })
    await Promise.all(waits)
    const seconds = (performance.now() - started) / 1000
    const wakes = ids.filter((id) => wokeAt.has(id)).map((id) => Math.max(0, wokeAt.get(id)! - decidedAt.get(id)!))
    const missed = WAITERS - wakes.length
    if (failed > 0) console.log(`(${failed} waits failed to connect)`)
    console.log(
      `wake after a decision:     p50 ${ms(quantile(wakes, 0.5))}, p99 ${ms(quantile(wakes, 0.99))} ` +
        `(${WAITERS} decisions in ${seconds.toFixed(1)} s with ${CHANNELS} channels open and nudged; ${missed} waiters not woken)`
    )
    // Ratios against the same run's own request times, so they carry across machines.
    console.log(
      `  wake p99 / the decision's own response p50 (${ms(quantile(decisionTimes, 0.5))}): ${(quantile(wakes, 0.99) / quantile(decisionTimes, 0.5)).toFixed(2)}`
    )

    // One change, heard by every channel: create → message, per channel. Spaced past the
    // coalescing interval (100 ms), so each is the first change after a quiet spell.
    const fanout: number[] = []
    const createTimes: number[] = []
    for (let round = 0; round < 20; round++) {
      await new Promise((resolve) => setTimeout(resolve, 150))
      const arrived: number[] = []
      const done = new Promise<void>((resolve) => {
        for (let i = 0; i < CHANNELS; i++)
          nudges[i] = () => {
            arrived.push(performance.now())
            if (arrived.length === CHANNELS) resolve()
          }
      })
      const sent = performance.now()
      await call(`${info.url}/v1/proposals`, "POST", info.agent, {
        workflowId: "capacity",
        agent: { name: "capacity-agent", version: "1.0.0" },
        target: { platform: "hubspot", kind: "contact", id: `fanout-${round}` },
        title: "Fan-out",
        summary: "One change, every channel.",
        evidence: [],
        confidence: 0.9,
        change: { kind: "fields", changes: [{ field: "jobtitle", before: null, after: "VP" }] }
      })
      createTimes.push(performance.now() - sent)
      await done
      fanout.push(...arrived.map((t) => t - sent))
    }
    console.log(
      `live nudge to ${CHANNELS} channels: p50 ${ms(quantile(fanout, 0.5))}, p99 ${ms(quantile(fanout, 0.99))} (create sent → each channel's message, 20 creates after a quiet spell; under a stream of changes a channel hears at most one nudge per 100 ms)`
    )
    console.log(
      `  nudge p99 / the create's own response p50 (${ms(quantile(createTimes, 0.5))}): ${(quantile(fanout, 0.99) / quantile(createTimes, 0.5)).toFixed(2)}`
    )
  } finally {
    for (const socket of sockets) socket.terminate()
    child.kill("SIGTERM")
  }
}

function fdLimit(): { soft: number; hard: number } {
  const read = (flag: string) => Number(spawnSync("sh", ["-c", `ulimit ${flag}`], { encoding: "utf8" }).stdout.trim())
  return { soft: read("-Sn"), hard: read("-Hn") }
}

if (args.serve) {
  serveForBench().catch((error: unknown) => (console.error(error), process.exit(1)))
} else if (!args["fd-raised"] && fdLimit().soft < NEEDED_FDS) {
  const { hard } = fdLimit()
  console.log(`raising the file-descriptor limit from ${fdLimit().soft} to ${hard} for this bench`)
  const rerun = spawnSync(
    "sh",
    [
      "-c",
      `ulimit -n ${hard} && exec "$0" "$@"`,
      process.execPath,
      ...process.execArgv,
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
      "--fd-raised"
    ],
    { stdio: "inherit" }
  )
  process.exit(rerun.status ?? 1)
} else {
  main().catch((error: unknown) => (console.error(error), process.exit(1)))
}
