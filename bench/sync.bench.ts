/**
 * Sync 10,000 proposals from the real server into Dexie (fake-indexeddb) through the sync engine,
 * and compare with the floor: a raw fetch + JSON.parse + bulkPut of the same pages into the same
 * schema. Prints the figures and the ratio (target ≤ 3); never asserts.
 *
 *   npx tsx bench/sync.bench.ts [--proposals 10000] [--page 500] [--rounds 3]
 */
import "fake-indexeddb/auto"
import { performance } from "node:perf_hooks"
import { parseArgs } from "node:util"
import { createApiClient } from "~src/api"
import { saveSettings, SignoffDatabase } from "~src/db"
import type { ProposalCreate } from "~src/domain"
import { createSyncEngine } from "~src/sync"
import { startTestServer, type TestServer } from "~tests/support/server"

const { values: args } = parseArgs({
  options: {
    proposals: { type: "string", default: "10000" },
    page: { type: "string", default: "500" },
    rounds: { type: "string", default: "3" }
  }
})
const PROPOSALS = Number(args.proposals)
const PAGE = Number(args.page)
const ROUNDS = Number(args.rounds)
const CONCURRENCY = 16

function proposal(i: number): ProposalCreate {
  return {
    workflowId: `workflow-${i % 7}`,
    agent: { name: "bench-bot", version: "1.0.0" },
    target: { platform: "hubspot", kind: "contact", id: String(i) },
    title: `Normalise job title of contact ${i}`,
    summary: "Maps free-text job titles onto the standard list used by scoring.",
    rationale: "Inconsistent titles split the persona segments.",
    evidence: [{ label: "Current title", value: "VP of Mktg", source: "hubspot" }],
    confidence: 0.5 + (i % 50) / 100,
    risk: { customerData: true, writesProduction: i % 10 === 0 },
    change: { kind: "fields", changes: [{ field: "jobtitle", label: "Job title", before: "VP of Mktg", after: "VP Marketing" }] }
  }
}

async function seed(server: TestServer, agentToken: string): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < PROPOSALS) {
      const i = next++
      const res = await fetch(`${server.url}/v1/proposals`, {
        method: "POST",
        headers: { authorization: `Bearer ${agentToken}`, "content-type": "application/json" },
        body: JSON.stringify(proposal(i))
      })
      if (res.status !== 201) throw new Error(`seeding failed at ${i}: ${res.status} ${await res.text()}`)
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
}

async function engineSync(server: TestServer, token: string): Promise<number> {
  const db = new SignoffDatabase(`bench-engine-${crypto.randomUUID()}`)
  await saveSettings(db, { serverUrl: server.url, token })
  const engine = createSyncEngine({ db, pageSize: PAGE, createApi: (s) => createApiClient({ baseUrl: s.serverUrl, token: s.token }) })
  const started = performance.now()
  const result = await engine.run()
  const elapsed = performance.now() - started
  if (result.error || result.pulled !== PROPOSALS || (await db.proposals.count()) !== PROPOSALS)
    throw new Error(`engine sync incomplete: ${result.pulled} pulled, error ${result.error}`)
  await db.delete()
  return elapsed
}

/** The floor: what any client must do (download, parse, store), with none of the engine's checks. */
async function rawSync(server: TestServer, token: string): Promise<number> {
  const db = new SignoffDatabase(`bench-raw-${crypto.randomUUID()}`)
  await db.open()
  const started = performance.now()
  let since = 0
  for (;;) {
    const res = await fetch(`${server.url}/v1/sync?since=${since}&limit=${PAGE}`, { headers: { authorization: `Bearer ${token}` } })
    const page = JSON.parse(await res.text())
    await db.proposals.bulkPut(page.items)
    since = page.nextSince
    if (!page.hasMore) break
  }
  const elapsed = performance.now() - started
  if ((await db.proposals.count()) !== PROPOSALS) throw new Error("raw sync incomplete")
  await db.delete()
  return elapsed
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const ms = (x: number) => `${x.toFixed(0)} ms`

async function main() {
  const server = await startTestServer()
  try {
    const agent = await server.token("agent", "bench-bot")
    const reviewer = await server.token("reviewer", "bench-reviewer")
    const seedStart = performance.now()
    await seed(server, agent)
    console.log(`seeded ${PROPOSALS} proposals in ${ms(performance.now() - seedStart)} (page size ${PAGE}, ${ROUNDS} rounds each)`)

    // Warm up both paths once (JIT, SQLite page cache), then alternate so drift hits both equally.
    await rawSync(server, reviewer)
    await engineSync(server, reviewer)
    const engineTimes: number[] = []
    const rawTimes: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      rawTimes.push(await rawSync(server, reviewer))
      engineTimes.push(await engineSync(server, reviewer))
    }
    const engine = median(engineTimes)
    const raw = median(rawTimes)
    console.log(`raw fetch + JSON.parse + bulkPut: median ${ms(raw)}  [${rawTimes.map(ms).join(", ")}]`)
    console.log(`sync engine (validate, merge local state, cursor per page): median ${ms(engine)}  [${engineTimes.map(ms).join(", ")}]`)
    console.log(`ratio engine / raw: ${(engine / raw).toFixed(2)} (target ≤ 3)`)
  } finally {
    await server.close()
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
