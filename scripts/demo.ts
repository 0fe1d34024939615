/**
 * `npm run demo`: the whole product on one machine.
 *
 *   1. builds the extension if build/chrome-mv3-prod is missing or older than the sources;
 *   2. writes about 60 days of a team's past decisions into a fresh ./data/demo.sqlite through the
 *      server's seeding path (server/seed/dated-history.ts, not reachable over HTTP): the seven
 *      workflows (all three oversight models) and the history the loosening advisor reads;
 *   3. starts the API on it and seeds open proposals of every change kind through the HTTP API,
 *      as an agent would;
 *   4. opens Debian's Chromium with the extension, connected through its options page, on a
 *      look-alike HubSpot record (the platform hosts are answered by tests/fixtures/pages, so
 *      the content scripts run on the real app.hubspot.com URLs with no certificates).
 *
 * `npm run demo -- --headless` (or no $DISPLAY) runs a scripted tour instead and writes
 * screenshots to demo-output/<timestamp>/. Options: --port <n> (default $PORT or 8787).
 */
import { spawnSync } from "node:child_process"
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs"
import { join, relative } from "node:path"
import type { Page } from "playwright-core"
import { seedDatedHistory, type SeededHistory } from "~server/seed/dated-history"
import { openServerData, startServer, type RunningServer } from "~server/start"
import { SignoffApi } from "~tests/support/api"
import { launchWithExtension, pollUntil, type ExtensionBrowser } from "~tests/support/browser"
import { action, gotoWithPanel, openPanel, openProposal, rejectWithReason } from "~tests/support/panel"
import { DEMO_PROPOSALS, DEMO_START_URL, DEMO_URLS, DEMO_WORKFLOWS } from "./demo-data"
import { HISTORY_DAYS, demoHistory } from "./demo-history"
import { seedDemo, type SeededDemo } from "./demo-seed"

const ROOT = process.cwd()
const DB_PATH = join(ROOT, "data", "demo.sqlite")
const BUILD_MANIFEST = join(ROOT, "build", "chrome-mv3-prod", "manifest.json")
const SOURCE_DIRS = ["contents", "background", "popup", "options", "src", "assets"]

interface DemoArgs {
  headless: boolean
  port: number
}

function parseArgs(argv: string[]): DemoArgs {
  const portFlag = argv.indexOf("--port")
  const port = Number(portFlag >= 0 ? argv[portFlag + 1] : (process.env.PORT ?? 8787))
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`invalid port: ${port}`)
  // A headed browser needs a display; without one the tour is the only thing that can run.
  const headless = argv.includes("--headless") || (process.platform === "linux" && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
  return { headless, port }
}

// --- build -------------------------------------------------------------------------------------

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), stat.mtimeMs)
}

function ensureExtensionBuilt(): void {
  if (process.env.SIGNOFF_EXTENSION_DIR) {
    console.log(`Using the extension build in ${process.env.SIGNOFF_EXTENSION_DIR} (SIGNOFF_EXTENSION_DIR).`)
    return
  }
  const sourcesChanged = Math.max(...SOURCE_DIRS.map((dir) => newestMtime(join(ROOT, dir))), newestMtime(join(ROOT, "package.json")))
  if (existsSync(BUILD_MANIFEST) && statSync(BUILD_MANIFEST).mtimeMs >= sourcesChanged) {
    console.log("Extension build is up to date (build/chrome-mv3-prod).")
    return
  }
  console.log("Building the extension (npm run build)...")
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit", cwd: ROOT })
  if (result.status !== 0) throw new Error("npm run build failed; see the output above")
}

// --- server and data -----------------------------------------------------------------------

interface DemoTokens {
  admin: string
  reviewer: string
  agent: string
}

/** A fresh database holding the demo's past: written before the server opens it, with the server's own code. */
async function seedHistory(): Promise<{ seeded: SeededHistory; decisions: number }> {
  mkdirSync(join(ROOT, "data"), { recursive: true })
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${DB_PATH}${suffix}`, { force: true })
  const history = demoHistory(new Date())
  const data = await openServerData(DB_PATH)
  try {
    const seeded = await seedDatedHistory(data, history)
    return { seeded, decisions: history.events.filter((e) => e.type === "decide").length }
  } finally {
    await data.db.destroy()
  }
}

async function startDemoServer(port: number): Promise<RunningServer> {
  try {
    return await startServer({ db: DB_PATH, port })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error
    console.log(`Port ${port} is busy (is "npm run server" running?); using a free port instead.`)
    return startServer({ db: DB_PATH, port: 0 })
  }
}

// --- the scripted tour ----------------------------------------------------------------------

async function screenshot(page: Page, dir: string, name: string, fullPage = false): Promise<string> {
  const file = join(dir, name)
  await page.screenshot({ path: file, fullPage })
  console.log(`  📸 ${relative(ROOT, file)}`)
  return file
}

async function runTour(browser: ExtensionBrowser, api: SignoffApi, seeded: SeededDemo): Promise<string> {
  const outDir = join(ROOT, "demo-output", new Date().toISOString().replace(/[:.]/g, "-"))
  mkdirSync(outDir, { recursive: true })
  const toApprove = seeded.byRole["tour-approve"]
  const toReject = seeded.byRole["tour-reject"]
  if (!toApprove || !toReject) throw new Error("demo data lacks the tour's proposals")

  console.log("\nScripted tour (headless):")
  const page = await browser.context.newPage()
  await gotoWithPanel(page, DEMO_START_URL)
  await screenshot(page, outDir, "01-hubspot-record-with-launcher.png")

  await openPanel(page)
  const approveCard = await openProposal(page, toApprove.id)
  await action(approveCard, "Approve").waitFor({ state: "visible" })
  await screenshot(page, outDir, "02-panel-open-on-enrichment-proposal.png")

  await action(approveCard, "Approve").click()
  await pollUntil(async () => (await api.getProposal(toApprove.id)).status === "approved", "the approval to reach the server", 30_000)
  console.log(`  ✓ approved "${toApprove.title}" (server status: approved)`)

  const rejectCard = await openProposal(page, toReject.id)
  await screenshot(page, outDir, "03-routing-proposal-before-reject.png")
  await rejectWithReason(rejectCard, /Wrong target/)
  await pollUntil(async () => (await api.getProposal(toReject.id)).status === "rejected", "the rejection to reach the server", 30_000)
  console.log(`  ✓ rejected "${toReject.title}" with reason "wrong_target"`)
  // The picture should show the synced state, not "queued"; a lagging panel is not worth failing the tour for.
  await pollUntil(async () => !/queued/i.test(await rejectCard.innerText()), "the panel to show the synced rejection", 15_000).catch(() =>
    console.warn("  (the panel still showed the rejection as queued)")
  )
  await screenshot(page, outDir, "04-after-approve-and-reject.png")

  // Other change kinds, each in its own context.
  const views: Array<[file: string, url: string, key: string]> = [
    ["05-hubspot-email-html-preview.png", DEMO_URLS.hubspotEmail, "demo-hs-email-body"],
    ["06-salesforce-bulk-sample.png", DEMO_URLS.salesforceLeadList, "demo-sf-leads-bulk"],
    ["07-marketo-scoring.png", DEMO_URLS.marketoProgram, "demo-mkto-scoring"],
    ["08-hubspot-list-segment.png", DEMO_URLS.hubspotList, "demo-hs-list-segment"],
    ["09-hubspot-workflow-monitor-revert.png", DEMO_URLS.hubspotWorkflow, "demo-hs-workflow-flow"]
  ]
  for (const [file, url, key] of views) {
    const proposal = seeded.byKey.get(key)
    if (!proposal) throw new Error(`demo data lacks ${key}`)
    await gotoWithPanel(page, url)
    await openPanel(page)
    const card = await openProposal(page, proposal.id)
    // Show the rendered email itself, not only the diff above it.
    const preview = card.locator("iframe.html-preview")
    if (await preview.count()) await preview.scrollIntoViewIfNeeded()
    await screenshot(page, outDir, file)
  }

  const popup = await browser.openPopup()
  await popup.setViewportSize({ width: 420, height: 600 }) // the toolbar popup's size
  await popup
    .getByText(/pending/i)
    .first()
    .waitFor({ state: "visible", timeout: 15_000 })
  await screenshot(popup, outDir, "10-popup-queue.png")
  await popup.close()

  // The admin console on the history's data: the workflow table, then the advisor's recommendations and charts.
  const options = await browser.openOptions("workflows")
  await options.getByRole("table", { name: "Workflows" }).getByRole("rowheader").first().waitFor({ state: "visible", timeout: 20_000 })
  await screenshot(options, outDir, "11-console-workflows.png")
  await options.getByRole("link", { name: "Advisor" }).click()
  await options.getByRole("article").first().getByRole("img").first().waitFor({ state: "visible", timeout: 20_000 })
  const advisor = await options.getByRole("main").innerText()
  for (const kind of ["Loosen:", "Tighten:", "Hold:"]) if (!advisor.includes(kind)) console.warn(`  (the advisor shows no "${kind}" recommendation)`)
  await screenshot(options, outDir, "12-console-advisor.png")
  await screenshot(options, outDir, "13-console-advisor-all-workflows.png", true)
  await options.close()
  await page.close()
  return outDir
}

// --- main --------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  ensureExtensionBuilt()

  console.log(`Writing ${HISTORY_DAYS} days of decision history into ${relative(ROOT, DB_PATH)}...`)
  const history = await seedHistory()
  const server = await startDemoServer(args.port)
  let browser: ExtensionBrowser | undefined
  const shutdown = async () => {
    await browser?.close().catch(() => undefined)
    await server.close().catch(() => undefined)
  }
  process.once("SIGINT", () => void shutdown().then(() => process.exit(130)))
  process.once("SIGTERM", () => void shutdown().then(() => process.exit(143)))

  try {
    // The history's admin and agents carry on (one person, one principal); Jane is new to the team.
    const tokens: DemoTokens = {
      admin: history.seeded.people.admin!.token,
      reviewer: await server.createToken("reviewer", "Jane Marketer"),
      agent: history.seeded.people.agents!.token
    }
    const seeded = await seedDemo(server.url, tokens)
    const kinds = new Set(DEMO_PROPOSALS.map((p) => p.proposal.change.kind))
    console.log(`
Signoff demo
  API            ${server.url}   (OpenAPI: ${server.url}/openapi.json)
  database       ${relative(ROOT, DB_PATH)} (fresh each run)
  seeded         ${DEMO_WORKFLOWS.length} workflows, ${seeded.byKey.size} open proposals (${[...kinds].join(", ")}), ${history.decisions} decisions over the past ${HISTORY_DAYS} days
  tokens
    admin        ${tokens.admin}
    reviewer     ${tokens.reviewer}
    agent        ${tokens.agent}
  pages with proposals (served by the look-alikes inside the demo browser)
${Object.entries(DEMO_URLS)
  .map(([name, url]) => `    ${name.padEnd(19)}${url}`)
  .join("\n")}

  Try as an agent:
    curl -s -H "authorization: Bearer ${tokens.agent}" ${server.url}/v1/proposals/${seeded.byRole["tour-approve"]?.id ?? "<id>"}
    SIGNOFF_URL=${server.url} SIGNOFF_TOKEN=${tokens.agent} npm run example:agent
`)

    browser = await launchWithExtension({
      headless: args.headless,
      viewport: args.headless ? { width: 1440, height: 900 } : null,
      args: args.headless ? [] : ["--window-size=1440,960"]
    })
    // The browser acts as the reviewer who is also the team's admin, so the options page can edit workflows.
    await browser.configure(server.url, tokens.admin)
    const synced = await browser.sendMessage<{ pendingCount: number; error: string | null }>({ type: "sync.now" })
    if (!synced.ok) console.warn(`  first sync failed: ${synced.error?.message}`)

    if (args.headless) {
      const reviewerApi = new SignoffApi(server.url, tokens.reviewer)
      const outDir = await runTour(browser, reviewerApi, seeded)
      console.log(`\nTour done. Screenshots in ${relative(ROOT, outDir)}/`)
      await shutdown()
      return
    }

    const page = await browser.context.newPage()
    for (const blank of browser.context.pages()) if (blank !== page && blank.url() === "about:blank") await blank.close()
    await gotoWithPanel(page, DEMO_START_URL)
    await openPanel(page)
    console.log("Chromium is open on a HubSpot record with proposals. Close the browser window (or press Ctrl+C) to stop the demo.")
    await new Promise<void>((done) => browser!.context.once("close", () => done()))
    await server.close()
  } catch (error) {
    await shutdown()
    throw error
  }
}

main().catch((error: unknown) => {
  console.error(`\nnpm run demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  process.exit(1)
})
