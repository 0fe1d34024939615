/**
 * Popup first paint with 10,000 queued proposals, as a ratio of first paint with an empty
 * queue, measured in one run in Debian's Chromium (real layout and paint). Target ≤ 1.5;
 * prints the figures and the ratio, never asserts.
 *
 *   npx tsx bench/popup.bench.ts [--items 10000] [--rounds 7]
 *
 * The popup is bundled with esbuild (present through tsx) and served to a plain page. The
 * background is a Web Worker holding the queue (its own thread, like the service worker) that
 * answers like the real handler: the queue's head (counts + first rows, queueHead) and then the
 * whole queue as slim entries (toQueueEntry), serialized; the page's `ask` parses and validates
 * them as the real client does (validateAnswer). "First paint" is navigation start → the frame
 * after the queue (list or "nothing waiting") is in the DOM; the time until the whole queue is
 * in (filters, bulk approve) is printed too. Reading the queue out of IndexedDB in the real
 * background is not part of these figures.
 */
import { build } from "esbuild"
import { fileURLToPath } from "node:url"
import { parseArgs } from "node:util"
import { chromium } from "playwright-core"

const { values: args } = parseArgs({
  options: { items: { type: "string", default: "10000" }, rounds: { type: "string", default: "7" } }
})
const ITEMS = Number(args.items)
const ROUNDS = Number(args.rounds)
const ROOT = fileURLToPath(new URL("..", import.meta.url))
const ORIGIN = "http://popup.bench.local"

const ENTRY = `
import { createRoot } from "react-dom/client"
import { createElement } from "react"
import { validateAnswer } from "~src/messaging/answer-check"
import { Responses } from "~src/messaging/messages"
import { PopupApp } from "~src/ui/popup/popup-app"
import { BackgroundProvider } from "~src/ui/query-client"

// The background: its own thread holding the queue, answering over a message channel with a
// serialized copy, like the extension's service worker does over runtime messaging.
const background = new Worker(URL.createObjectURL(new Blob([window.__backgroundSource], { type: "text/javascript" })))
let nextId = 0
const waiting = new Map()
background.onmessage = (event) => { waiting.get(event.data.id)(event.data.json); waiting.delete(event.data.id) }
const request = (message) => new Promise((resolve) => { const id = nextId++; waiting.set(id, resolve); background.postMessage({ id, message }) })
const ask = async (message) => {
  if (message.type === "proposals.queueHead") {
    // What the first paint waits for: the counts and the first rows.
    const start = performance.now()
    const json = await request(message)
    const replied = performance.now()
    const data = JSON.parse(json)
    const parsed = performance.now()
    const answer = validateAnswer(message.type, data, Responses)
    window.__askMs = performance.now() - start
    window.__askPhases = { reply: replied - start, jsonParse: parsed - replied, zod: performance.now() - parsed, kib: json.length / 1024 }
    window.__askDoneMs = performance.now()
    return answer
  }
  if (message.type === "proposals.queue") {
    // The whole queue, asked for after the head; for scrolling, filters and bulk approve.
    const answer = validateAnswer(message.type, JSON.parse(await request(message)), Responses)
    window.__wholeQueueMs = performance.now()
    return answer
  }
  if (message.type === "sync.status") return validateAnswer("sync.status", JSON.parse(await request(message)), Responses)
  throw new Error("bench background answers proposals.queueHead, proposals.queue and sync.status only")
}
new MutationObserver((_records, observer) => {
  if (!document.querySelector(".queue, .empty")) return
  observer.disconnect()
  // The frame after the commit is the one that paints it.
  requestAnimationFrame(() => requestAnimationFrame(() => { window.__firstPaintMs = performance.now() }))
}).observe(document.body, { childList: true, subtree: true })
createRoot(document.getElementById("root")).render(createElement(BackgroundProvider, { ask }, createElement(PopupApp)))
`

/** The stand-in background worker: builds `self.__queueSize` pending proposals across 12 workflows. */
const BACKGROUND_ENTRY = `
import { toQueueEntry } from "~src/local/queue-entry"
import { queueHead } from "~src/queue/review-queue"
const count = self.__queueSize
const models = ["approve", "monitor", "exception"]
const platforms = ["hubspot", "marketo", "salesforce", "pardot", "dynamics"]
const now = Date.now()
const workflows = Array.from({ length: 12 }, (_, i) => ({
  id: "wf-" + i, name: "Workflow " + i, model: models[i % 3], threshold: 0.8, quorum: i === 5 ? 2 : 1,
  expiryHours: null, paused: false, createdAt: "2026-10-01T00:00:00Z", updatedAt: "2026-10-01T00:00:00Z"
}))
const proposals = Array.from({ length: count }, (_, i) => ({
  id: "01BENCH" + String(i).padStart(10, "0"),
  workflowId: "wf-" + (i % 12),
  agent: { name: "copy-bot", version: "2.1.0" },
  target: { platform: platforms[i % 5], kind: "email", id: "email-" + i, url: "https://app.hubspot.com/email/1/edit/" + i },
  title: "Shorten the subject line of campaign email " + i,
  summary: "The subject is 92 characters; the AI proposes 48 with the offer first.",
  evidence: [{ label: "Open rate of similar subjects", value: "31% vs 24%", source: "HubSpot email analytics" }],
  confidence: 0.5 + (i % 50) / 100,
  risk: { customerFacing: i % 3 === 0, customerData: i % 4 === 0, bulk: i % 11 === 0 },
  change: { kind: "content", field: "subject", format: "text", before: "Our spring newsletter: everything new this season and more", after: "Spring: 20% off everything" },
  status: "pending", version: 1, seq: i + 1,
  createdAt: new Date(now - (i % 5000) * 60000).toISOString(),
  updatedAt: new Date(now - (i % 5000) * 60000).toISOString(),
  approvals: 0, quorum: i % 12 === 5 ? 2 : 1, decisions: []
}))
const status = { configured: true, online: true, lastSyncAt: new Date(now).toISOString(), outboxSize: 0, pendingCount: count, error: null, syncing: false, progress: null }
onmessage = (event) => {
  const { id, message } = event.data
  // Projected per request, as the real handler does after reading its cache.
  const answer =
    message.type === "proposals.queue" ? { proposals: proposals.map(toQueueEntry), workflows, status }
    : message.type === "proposals.queueHead" ? { ...queueHead(proposals.map(toQueueEntry), workflows, message.size), workflows, status }
    : status
  postMessage({ id, json: JSON.stringify(answer) })
}`

async function main() {
  const bundle = (contents: string) =>
    build({
      stdin: { contents, resolveDir: ROOT, loader: "tsx" },
      bundle: true,
      write: false,
      format: "iife",
      minify: true,
      jsx: "automatic",
      define: { "process.env.NODE_ENV": '"production"' },
      alias: { "~src": `${ROOT}src` },
      loader: { ".css": "empty" }
    })
  const script = (await bundle(ENTRY)).outputFiles[0].text
  const background = (await bundle(BACKGROUND_ENTRY)).outputFiles[0].text
  const backgroundSource = (count: number) => `self.__queueSize = ${count};\n${background}`
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Signoff</title></head><body><div id="root"></div><script src="/popup.js"></script></body></html>`
  const payloads = { empty: backgroundSource(0), full: backgroundSource(ITEMS) }

  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox"] })
  try {
    const context = await browser.newContext({ viewport: { width: 420, height: 600 } })
    await context.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname
      if (path === "/popup.js") return route.fulfill({ contentType: "text/javascript", body: script })
      return route.fulfill({ contentType: "text/html", body: html })
    })
    // Per payload: time inside `ask` for the head (serialize in the worker, transfer, JSON.parse, validation), and
    // from the answer to the painted frame (queue model + React + virtualizer + paint).
    const askSamples = new Map([
      [payloads.empty, [] as number[]],
      [payloads.full, [] as number[]]
    ])
    const renderSamples = new Map([
      [payloads.empty, [] as number[]],
      [payloads.full, [] as number[]]
    ])
    type AskPhases = { reply: number; jsonParse: number; zod: number; kib: number }
    const phaseSamples = new Map([
      [payloads.empty, [] as AskPhases[]],
      [payloads.full, [] as AskPhases[]]
    ])
    const wholeSamples = new Map([
      [payloads.empty, [] as number[]],
      [payloads.full, [] as number[]]
    ])
    async function firstPaint(json: string): Promise<number> {
      const page = await context.newPage()
      await page.addInitScript((source) => ((window as unknown as { __backgroundSource: string }).__backgroundSource = source), json)
      await page.goto(`${ORIGIN}/popup.html`)
      await page.waitForFunction(() => (window as unknown as { __firstPaintMs?: number }).__firstPaintMs !== undefined, undefined, { timeout: 60_000 })
      const { ms, askMs, phases, askPhases } = await page.evaluate(() => {
        const w = window as unknown as Record<string, number>
        return { ms: w.__firstPaintMs, askMs: w.__askMs, phases: { answerReady: w.__askDoneMs }, askPhases: w.__askPhases as unknown as AskPhases }
      })
      phaseSamples.get(json)!.push(askPhases)
      await page.waitForFunction(() => (window as unknown as { __wholeQueueMs?: number }).__wholeQueueMs !== undefined, undefined, { timeout: 60_000 })
      wholeSamples.get(json)!.push(await page.evaluate(() => (window as unknown as { __wholeQueueMs: number }).__wholeQueueMs))
      askSamples.get(json)!.push(askMs)
      renderSamples.get(json)!.push(ms - phases.answerReady)
      const rows = await page.locator(".queue > li").count()
      await page.close()
      if (json === payloads.full && rows > 100) throw new Error(`expected a virtualized window, found ${rows} rows`)
      return ms
    }
    await firstPaint(payloads.empty) // warm-up: compile caches, fonts
    await firstPaint(payloads.full)
    const samples = { empty: [] as number[], full: [] as number[] }
    for (let round = 0; round < ROUNDS; round++) {
      samples.empty.push(await firstPaint(payloads.empty))
      samples.full.push(await firstPaint(payloads.full))
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
    const afterWarmUp = (samples: Map<string, number[]>, key: string) => median(samples.get(key)!.slice(1))
    const askEmpty = afterWarmUp(askSamples, payloads.empty)
    const askFull = afterWarmUp(askSamples, payloads.full)
    const renderEmpty = afterWarmUp(renderSamples, payloads.empty)
    const renderFull = afterWarmUp(renderSamples, payloads.full)
    const empty = median(samples.empty)
    const full = median(samples.full)
    console.log(`popup first paint, Chromium ${browser.version()}, median of ${ROUNDS} (bundle ${(script.length / 1024).toFixed(0)} KiB)`)
    console.log(`  empty queue:        ${empty.toFixed(1)} ms   [${samples.empty.map((x) => x.toFixed(0)).join(", ")}]`)
    console.log(`  ${ITEMS.toLocaleString("en-US")} queued items: ${full.toFixed(1)} ms   [${samples.full.map((x) => x.toFixed(0)).join(", ")}]`)
    console.log(`  of which the head message (serialize, transfer, JSON.parse, validation): empty ${askEmpty.toFixed(1)} ms, full ${askFull.toFixed(1)} ms`)
    const phasesOf = (key: string) => {
      const xs = phaseSamples.get(key)!.slice(1)
      const m = (pick: (p: AskPhases) => number) => median(xs.map(pick)).toFixed(1)
      return `reply ${m((p) => p.reply)} ms (${m((p) => p.kib)} KiB), JSON.parse ${m((p) => p.jsonParse)} ms, validation ${m((p) => p.zod)} ms`
    }
    console.log(`    empty: ${phasesOf(payloads.empty)}`)
    console.log(`    full:  ${phasesOf(payloads.full)}`)
    console.log(`  of which answer → painted (queue model, React, virtualizer):      empty ${renderEmpty.toFixed(1)} ms, full ${renderFull.toFixed(1)} ms`)
    console.log(
      `  whole queue in (filters, bulk approve): empty ${afterWarmUp(wholeSamples, payloads.empty).toFixed(1)} ms, full ${afterWarmUp(wholeSamples, payloads.full).toFixed(1)} ms`
    )
    console.log(`  ratio: ${(full / empty).toFixed(2)} (target ≤ 1.5)`)
  } finally {
    await browser.close()
  }
}

await main()
