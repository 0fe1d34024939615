/**
 * The real popup's first paint with nothing waiting, as a ratio of a static page of the same
 * extension, measured in one run in Debian's Chromium with the production build (issue 13: the
 * popup must stay quick as screens are added; goal ≤ 2). Prints the figures and the ratio, never
 * asserts.
 *
 *   npm run build && npx tsx bench/popup-first-paint.bench.ts [--rounds 9]
 *
 * The build is copied to a temporary directory (same manifest key, so the same extension id) with
 * two additions: `bench-probe.js`, a classic script put first in the popup's <head>, and
 * `static.html`, the popup's empty state as plain HTML with the same probe. The probe records
 * navigation start → the frame after `.queue` or `.empty` is in the DOM (as bench/popup.bench.ts
 * does for the bundled popup). The extension is connected to a real server with nothing waiting
 * and synced before measuring, so the popup paints the empty queue, not a set-up prompt; what it
 * measures includes loading the bundle, React, the background's answer read from Dexie and the
 * paint. The other screens are loaded on demand, so their code is not part of it.
 *
 * The floor: `react.html` is the same empty state rendered by React alone (React and ReactDOM's
 * production builds, one `createRoot().render()`, no data asked for). The popup cannot paint before
 * that; its ratio to the static page says how much of the goal React itself takes.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { parseArgs } from "node:util"
import type { Page } from "playwright-core"
import { startTestServer } from "~tests/support/server"

const { values: args } = parseArgs({ options: { rounds: { type: "string", default: "9" } } })
const ROUNDS = Number(args.rounds)
const BUILD = join(process.cwd(), "build", "chrome-mv3-prod")

const PROBE = `(() => {
  const done = () => document.querySelector(".queue, .empty")
  const paint = () => requestAnimationFrame(() => requestAnimationFrame(() => { window.__firstPaintMs = performance.now() }))
  new MutationObserver((_records, observer) => {
    if (!done()) return
    observer.disconnect()
    paint()
  }).observe(document, { childList: true, subtree: true })
})()`

const STATIC_PAGE = `<!DOCTYPE html><html lang="en"><head><title>Signoff</title><meta charset="utf-8"><script src="/bench-probe.js"></script></head>
<body><main class="popup"><header class="popup-header"><h1>Signoff</h1></header><p class="empty">Nothing waiting in this view.</p></main></body></html>`

const REACT_PAGE = `<!DOCTYPE html><html lang="en"><head><title>Signoff</title><meta charset="utf-8"><script src="/bench-probe.js"></script></head>
<body><div id="root"></div><script src="/bench-react.js"></script><script src="/bench-react-dom.js"></script><script src="/bench-react-root.js"></script></body></html>`

const REACT_ROOT = `(() => {
  const h = React.createElement
  ReactDOM.createRoot(document.getElementById("root")).render(
    h("main", { className: "popup" }, h("header", { className: "popup-header" }, h("h1", null, "Signoff")), h("p", { className: "empty" }, "Nothing waiting in this view."))
  )
})()`

/** The production build plus the probe, the static page and the empty React page, in a temporary directory. */
function instrumentedCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "signoff-bench-ext-"))
  cpSync(BUILD, dir, { recursive: true })
  writeFileSync(join(dir, "bench-probe.js"), PROBE)
  writeFileSync(join(dir, "static.html"), STATIC_PAGE)
  writeFileSync(join(dir, "react.html"), REACT_PAGE)
  cpSync(join(process.cwd(), "node_modules/react/umd/react.production.min.js"), join(dir, "bench-react.js"))
  cpSync(join(process.cwd(), "node_modules/react-dom/umd/react-dom.production.min.js"), join(dir, "bench-react-dom.js"))
  writeFileSync(join(dir, "bench-react-root.js"), REACT_ROOT)
  const popup = join(dir, "popup.html")
  writeFileSync(popup, readFileSync(popup, "utf8").replace("<head>", '<head><script src="/bench-probe.js"></script>'))
  return dir
}

const kib = (dir: string, pattern: RegExp) =>
  readdirSync(dir)
    .filter((name) => pattern.test(name))
    .reduce((sum, name) => sum + statSync(join(dir, name)).size, 0) / 1024

async function main() {
  if (!readdirSync(BUILD).includes("manifest.json")) throw new Error(`${BUILD} has no manifest.json: run "npm run build" first`)
  const extensionDir = instrumentedCopy()
  // browser.ts reads the extension directory when it is first imported.
  process.env.SIGNOFF_EXTENSION_DIR = extensionDir
  const { launchWithExtension } = await import("~tests/support/browser")
  const { syncExtension } = await import("~tests/support/e2e-session")
  const server = await startTestServer()
  const browser = await launchWithExtension({ routePlatformPages: false, viewport: { width: 420, height: 600 } })
  try {
    await browser.configure(server.url, await server.token("reviewer", "Bench Reviewer"))
    await syncExtension(browser)

    async function firstPaint(path: string): Promise<number> {
      const page: Page = await browser.context.newPage()
      try {
        await page.goto(browser.extensionUrl(path))
        await page.waitForFunction(() => (window as unknown as { __firstPaintMs?: number }).__firstPaintMs !== undefined, undefined, { timeout: 30_000 })
        return await page.evaluate(() => (window as unknown as { __firstPaintMs: number }).__firstPaintMs)
      } finally {
        await page.close()
      }
    }
    // Warm-up: the worker awake, compile caches, fonts.
    await firstPaint("popup.html")
    await firstPaint("static.html")
    await firstPaint("react.html")
    const samples = { popup: [] as number[], static: [] as number[], react: [] as number[] }
    for (let round = 0; round < ROUNDS; round++) {
      samples.popup.push(await firstPaint("popup.html"))
      samples.static.push(await firstPaint("static.html"))
      samples.react.push(await firstPaint("react.html"))
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
    const popup = median(samples.popup)
    const staticPage = median(samples.static)
    const reactPage = median(samples.react)
    const show = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(", ")
    console.log(`popup first paint with nothing waiting, production build, Chromium ${browser.context.browser()?.version() ?? ""}, median of ${ROUNDS}`)
    console.log(
      `  popup bundle ${kib(extensionDir, /^popup\..*\.js$/).toFixed(0)} KiB (other screens on demand: ${kib(extensionDir, /^more-screens\..*\.js$/).toFixed(0)} KiB)`
    )
    console.log(`  empty popup:  ${popup.toFixed(1)} ms   [${show(samples.popup)}]`)
    console.log(`  static page:  ${staticPage.toFixed(1)} ms   [${show(samples.static)}]`)
    console.log(`  empty React root (the floor): ${reactPage.toFixed(1)} ms   [${show(samples.react)}]`)
    console.log(
      `  ratio: ${(popup / staticPage).toFixed(2)} (target ≤ 2); floor: React alone / static ${(reactPage / staticPage).toFixed(2)}, popup / React alone ${(popup / reactPage).toFixed(2)}`
    )
  } finally {
    await browser.close()
    await server.close()
    rmSync(extensionDir, { recursive: true, force: true })
  }
}

await main()
