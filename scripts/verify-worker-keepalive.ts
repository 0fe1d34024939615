/**
 * Does this Chromium keep Signoff's MV3 service worker alive while the live channel exchanges a
 * message every `heartbeatMs`, with no debugger attached to the worker? (Chrome documents it from
 * version 116: https://developer.chrome.com/docs/extensions/how-to/web-platform/websockets.)
 *
 *   npx tsx scripts/verify-worker-keepalive.ts [heartbeatMs=20000] [minutes=3]
 *
 * Starts an API, launches Chromium (headless) with the production build and a DevTools port,
 * connects the extension through its options page (sync alarm at its 60 min maximum), then lets go
 * of the browser entirely: nothing is attached to the worker. Every 10 s it counts the TCP
 * connections to the API (the channel is one); at the end an agent proposes, and 3 s later the
 * badge is read. Run it with the default heartbeat (the channel stays, the badge says 1) and with
 * a heartbeat longer than the run, e.g. 600000 (the worker is stopped after ~30 s idle, the channel
 * with it, and the badge is still empty).
 */
import { spawn, execSync } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { chromium } from "playwright-core"
import { CHROMIUM_PATH, EXPECTED_EXTENSION_ID, EXTENSION_DIR } from "../tests/support/browser"
import { proposalFor, HUBSPOT_CONTACT_101 } from "../tests/support/e2e-session"
import { SignoffApi } from "../tests/support/api"
import { startTestServer } from "../tests/support/server"

const heartbeatMs = Number(process.argv[2] ?? "20000")
const minutes = Number(process.argv[3] ?? "3")
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const server = await startTestServer({ live: { heartbeatMs } })
const reviewer = await server.token("reviewer", "Ana")
const agent = new SignoffApi(server.url, await server.token("agent", "bot"))
const debugPort = 9_300 + Math.floor(Math.random() * 500)
const profile = mkdtempSync(join(tmpdir(), "signoff-keepalive-"))
const browserProcess = spawn(
  CHROMIUM_PATH,
  [
    "--headless=new",
    `--remote-debugging-port=${debugPort}`,
    `--user-data-dir=${profile}`,
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
    "about:blank"
  ],
  { stdio: "ignore" }
)
try {
  await sleep(3_000)
  const extensionPage = async (path: string) => {
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${debugPort}`)
    const page = await browser.contexts()[0]!.newPage()
    await page.goto(`chrome-extension://${EXPECTED_EXTENSION_ID}/${path}`)
    return { page, release: () => browser.close() } // close() of a CDP connection only disconnects
  }
  const options = await extensionPage("options.html")
  await options.page.getByLabel("Server URL", { exact: true }).fill(server.url)
  await options.page.getByLabel("API token", { exact: true }).fill(reviewer)
  await options.page.getByRole("button", { name: "Save", exact: true }).click()
  await sleep(1_500)
  await options.page.evaluate((serverUrl) => chrome.runtime.sendMessage({ type: "settings.save", serverUrl, syncIntervalMinutes: 60 }), server.url)
  await options.page.close()
  await options.release()

  console.log(
    `${execSync(`${CHROMIUM_PATH} --version 2>/dev/null || true`).toString().trim()}; heartbeat every ${heartbeatMs} ms; nothing attached to the worker from now on`
  )
  const apiPort = new URL(server.url).port
  const started = Date.now()
  for (let tick = 0; tick < minutes * 6; tick++) {
    await sleep(10_000)
    const open = execSync(`ss -Htn state established '( sport = :${apiPort} )' | wc -l`).toString().trim()
    console.log(`${Math.round((Date.now() - started) / 1000)} s: connections to the API: ${open}`)
  }
  await agent.createProposal(proposalFor(HUBSPOT_CONTACT_101))
  await sleep(3_000)
  // Read through the popup page: it wakes a stopped worker only now, after the fact.
  const popup = await extensionPage("popup.html")
  console.log(`badge 3 s after an agent's create: ${JSON.stringify(await popup.page.evaluate(() => chrome.action.getBadgeText({})))}`)
  await popup.release()
} finally {
  browserProcess.kill()
  await server.close()
  rmSync(profile, { recursive: true, force: true })
}
