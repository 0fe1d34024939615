/**
 * Debian's Chromium with the production Signoff build loaded (README: e2e), for
 * the e2e suite and `npm run demo`.
 *
 * - Chromium, not Google Chrome: Chrome stable >= 137 ignores `--load-extension`.
 * - Playwright's default `--disable-extensions` is dropped, or nothing loads.
 * - The platform hosts (app.hubspot.com, *.marketo.com, *.lightning.force.com, ...) are
 *   answered by the look-alike pages in tests/fixtures/pages through `context.route`, so
 *   content scripts match their real URLs with no DNS, proxy or certificates involved.
 * - The extension id is pinned by the manifest `key`, but read from the service worker's URL
 *   so a changed key fails with a clear message rather than a 404 on the popup.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { chromium, type BrowserContext, type Page, type Worker } from "playwright-core"
import { FIXTURE_HOSTS, fixturePageFor } from "../fixtures/pages/index"

export const CHROMIUM_PATH = process.env.SIGNOFF_CHROMIUM ?? "/usr/bin/chromium"
/** The production build; SIGNOFF_EXTENSION_DIR points elsewhere (e.g. a build made from another checkout). */
export const EXTENSION_DIR = resolve(process.env.SIGNOFF_EXTENSION_DIR ?? join(process.cwd(), "build", "chrome-mv3-prod"))
/** Pinned by the manifest `key` in package.json. */
export const EXPECTED_EXTENSION_ID = "liijoomcjjpajeabmdpbckblegacpdaa"

/** Chromium flags for a quiet, headless-friendly profile: every launch here and in bench/ uses them. */
export const CHROMIUM_FLAGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync"
]

export interface LaunchOptions {
  /** Profile directory; a fresh temporary one (removed on close) when omitted. */
  userDataDir?: string
  /** Default true. The demo passes false to show a window. */
  headless?: boolean
  /** Serve the look-alike platform pages for the platform hosts (default true). */
  routePlatformPages?: boolean
  /** Extra Chromium flags (e.g. a window size for the headed demo). */
  args?: string[]
  viewport?: { width: number; height: number } | null
  /** Environment for the browser process (e.g. the DISPLAY of a test's own Xvfb). */
  env?: Record<string, string>
}

export interface ExtensionBrowser {
  context: BrowserContext
  extensionId: string
  userDataDir: string
  /** The live background service worker, woken (by opening an extension page) if Chrome stopped it. */
  serviceWorker(): Promise<Worker>
  /** A new tab on the popup page (as a normal tab: Playwright cannot click the toolbar icon). */
  openPopup(): Promise<Page>
  /** The options page, on a console section when given (`options.html#workflows`). */
  openOptions(section?: string): Promise<Page>
  /** Connect the extension through the options page UI, as an admin would. */
  configure(serverUrl: string, token: string): Promise<void>
  /** The toolbar badge text ("" when no badge). */
  badgeText(): Promise<string>
  /** Send a runtime message from an extension page (the sender the background trusts most). */
  sendMessage<T = unknown>(message: unknown): Promise<{ ok: boolean; data?: T; error?: { code: string; message: string } }>
  /** Stop every service worker of the profile through CDP, as Chrome does to idle workers. */
  stopServiceWorkers(): Promise<void>
  extensionUrl(path: string): string
  close(): Promise<void>
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} not found: install Debian's Chromium (apt-get install -y chromium)`)
  }
  if (!existsSync(join(EXTENSION_DIR, "manifest.json"))) {
    throw new Error(`${EXTENSION_DIR}/manifest.json not found: run "npm run build" first`)
  }
  const ownsProfile = options.userDataDir === undefined
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), "signoff-profile-"))

  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    viewport: options.viewport === undefined ? { width: 1280, height: 860 } : options.viewport,
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    ignoreDefaultArgs: ["--disable-extensions"],
    args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, ...CHROMIUM_FLAGS, ...(options.args ?? [])]
  })

  try {
    if (options.routePlatformPages ?? true) await routePlatformPages(context)
    const firstWorker = await extensionWorker(context)
    const extensionId = new URL(firstWorker.url()).host
    if (extensionId !== EXPECTED_EXTENSION_ID) {
      console.warn(`Signoff loaded as ${extensionId}, not the pinned ${EXPECTED_EXTENSION_ID}: check the manifest key`)
    }
    const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, "")}`

    const openExtensionPage = async (path: string) => {
      const page = await context.newPage()
      await page.goto(extensionUrl(path))
      return page
    }

    const serviceWorker = async (): Promise<Worker> => {
      const live = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`))
      if (live) return live
      // A stopped worker is restarted by any extension event; opening one of its pages
      // and messaging it is the most reliable wake-up.
      const waiting = context.waitForEvent("serviceworker", {
        predicate: (w) => w.url().startsWith(`chrome-extension://${extensionId}/`),
        timeout: 30_000
      })
      const page = await openExtensionPage("options.html")
      await page.evaluate(() => chrome.runtime.sendMessage({ type: "sync.status" }).catch(() => undefined))
      const worker = await waiting
      await page.close()
      return worker
    }

    const sendMessage = async <T>(message: unknown) => {
      const page = await openExtensionPage("options.html")
      try {
        // A background that failed to start never answers: fail in seconds, not at the test timeout.
        const reply = page.evaluate((m) => chrome.runtime.sendMessage(m), message)
        const silence = new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`the background did not answer ${JSON.stringify(message)} within 20 s`)), 20_000).unref()
        )
        return (await Promise.race([reply, silence])) as {
          ok: boolean
          data?: T
          error?: { code: string; message: string }
        }
      } finally {
        await page.close()
      }
    }

    const configure = async (serverUrl: string, token: string) => {
      const page = await openExtensionPage("options.html")
      const urlInput = page.getByLabel("Server URL", { exact: true })
      const tokenInput = page.getByLabel("API token", { exact: true })
      const saved = async () => {
        // Saved means the background holds it; ask for the public settings (never the token).
        const reply = (await page.evaluate(() => chrome.runtime.sendMessage({ type: "settings.get" }))) as {
          ok: boolean
          data?: { serverUrl: string; hasToken: boolean }
        }
        return reply.ok && reply.data?.hasToken === true && sameServer(reply.data.serverUrl, serverUrl)
      }
      const shownErrors = () =>
        page
          .locator("[role=alert], .error")
          .allInnerTexts()
          .catch(() => [] as string[])
      try {
        // Two tries: on a loaded machine a filled value has once been lost before Save (the form then
        // says "Enter the server URL"); the second try says so in the log rather than hiding it.
        for (let attempt = 1; ; attempt++) {
          await urlInput.fill(serverUrl)
          await tokenInput.fill(token)
          const held = { url: await urlInput.inputValue(), tokenLength: (await tokenInput.inputValue()).length }
          await page.getByRole("button", { name: "Save", exact: true }).click()
          let refused: string[] = []
          try {
            await pollUntil(
              async () => {
                refused = []
                if (await saved()) return true
                refused = await shownErrors()
                return attempt === 1 && refused.length > 0
              },
              "the options page to save the server URL and token",
              45_000
            )
          } catch (error) {
            throw new Error(`${(error as Error).message}; the page showed: ${JSON.stringify(await shownErrors())}`, { cause: error })
          }
          if (refused.length === 0) return
          console.warn(
            `configure: the options page refused the first Save (${JSON.stringify(refused)}) with the inputs holding ${JSON.stringify(held)}; trying again`
          )
        }
      } finally {
        await page.close()
      }
    }

    return {
      context,
      extensionId,
      userDataDir,
      serviceWorker,
      openPopup: () => openExtensionPage("popup.html"),
      openOptions: (section?: string) => openExtensionPage(section ? `options.html#${section}` : "options.html"),
      configure,
      badgeText: async () => (await serviceWorker()).evaluate(() => chrome.action.getBadgeText({})),
      sendMessage,
      stopServiceWorkers: async () => {
        const page = context.pages()[0] ?? (await context.newPage())
        const cdp = await context.newCDPSession(page)
        try {
          await cdp.send("ServiceWorker.enable")
          await cdp.send("ServiceWorker.stopAllWorkers")
        } finally {
          await cdp.detach()
        }
      },
      extensionUrl,
      close: async () => {
        await context.close()
        if (ownsProfile) rmSync(userDataDir, { recursive: true, force: true })
      }
    }
  } catch (error) {
    await context.close().catch(() => undefined)
    if (ownsProfile) rmSync(userDataDir, { recursive: true, force: true })
    throw error
  }
}

/**
 * A tab the extension opened itself (chrome.tabs.create) starts loading before Playwright
 * attaches its routes, so its first request escapes the look-alike routing and fails
 * (this machine has no route to app.hubspot.com). Reload it once, now routed, in the same tab.
 */
export async function settleExtensionOpenedPage(page: Page, expectedUrl: string): Promise<void> {
  await page.waitForLoadState("domcontentloaded").catch(() => undefined)
  const loadedFixture = await page.evaluate(() => location.protocol === "https:").catch(() => false)
  if (!loadedFixture || !page.url().startsWith(expectedUrl)) await page.goto(expectedUrl)
}

/** Answer every platform host from the look-alike fixtures; anything else on them is a 404. */
export async function routePlatformPages(context: BrowserContext): Promise<void> {
  for (const pattern of FIXTURE_HOSTS) {
    await context.route(pattern, async (route) => {
      const page = fixturePageFor(route.request().url())
      if (page) await route.fulfill({ status: page.status, contentType: page.contentType, body: page.body })
      else await route.fulfill({ status: 404, contentType: "text/plain", body: "not a look-alike page" })
    })
  }
}

async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const isExtension = (w: Worker) => w.url().startsWith("chrome-extension://")
  return (
    context.serviceWorkers().find(isExtension) ??
    (await context.waitForEvent("serviceworker", { predicate: isExtension, timeout: 30_000 }).catch(() => {
      throw new Error("the Signoff background service worker did not start: is build/chrome-mv3-prod a valid MV3 build?")
    }))
  )
}

const sameServer = (a: string, b: string) => a.replace(/\/+$/, "") === b.replace(/\/+$/, "")

/**
 * Poll until `check` returns true. For waiting on asynchronous effects (a sync, a re-render);
 * never used to assert how long something took.
 */
export async function pollUntil(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  while (Date.now() < deadline) {
    try {
      if (await check()) return
    } catch (error) {
      lastError = error
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`timed out waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ""}`)
}

// Panel helpers live in ./panel; re-exported here because browser-level scripts use both.
export { gotoWithPanel as gotoPlatformPage, openPanel } from "./panel"
