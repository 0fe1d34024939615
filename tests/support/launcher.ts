/**
 * The launcher lives in a closed shadow root, which Playwright's locators (like any page script)
 * cannot enter. The browser itself can: through CDP we find the button in the flattened DOM,
 * read its accessible name from the accessibility tree, and click it with real mouse input —
 * the same trusted click a reviewer makes.
 */
import type { CDPSession, Page } from "playwright-core"

interface DomNode {
  nodeId: number
  backendNodeId: number
  localName: string
  attributes?: string[]
  children?: DomNode[]
  shadowRoots?: DomNode[]
}

export interface LauncherInfo {
  /** The accessible name ("Signoff: 2 proposals"). */
  name: string
  expanded: boolean
  /** Centre of the button, in CSS pixels of the page. */
  x: number
  y: number
}

async function withCdp<T>(page: Page, work: (cdp: CDPSession) => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page)
  try {
    return await work(cdp)
  } finally {
    await cdp.detach()
  }
}

function findLauncherButton(node: DomNode): DomNode | null {
  if (node.localName === "signoff-launcher") {
    for (const root of node.shadowRoots ?? []) for (const child of root.children ?? []) if (child.localName === "button") return child
  }
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findLauncherButton(child)
    if (found) return found
  }
  return null
}

/** The launcher as the browser sees it, or null when the page has none (yet). */
export async function readLauncher(page: Page): Promise<LauncherInfo | null> {
  return withCdp(page, async (cdp) => {
    const { root } = (await cdp.send("DOM.getDocument", { depth: -1, pierce: true })) as { root: DomNode }
    const button = findLauncherButton(root)
    if (!button) return null
    const { nodes } = (await cdp.send("Accessibility.getPartialAXTree", { backendNodeId: button.backendNodeId, fetchRelatives: false })) as {
      nodes: Array<{ name?: { value?: string }; properties?: Array<{ name: string; value: { value: unknown } }> }>
    }
    const { model } = (await cdp.send("DOM.getBoxModel", { backendNodeId: button.backendNodeId })) as { model: { content: number[] } }
    const [x1, y1, , , x3, y3] = model.content
    const attributes = button.attributes ?? []
    const expandedAt = attributes.indexOf("aria-expanded")
    return {
      name: nodes[0]?.name?.value ?? "",
      expanded: expandedAt >= 0 && attributes[expandedAt + 1] === "true",
      x: (x1 + x3) / 2,
      y: (y1 + y3) / 2
    }
  })
}

/** Waits for the launcher (optionally until its name matches). */
export async function waitForLauncher(page: Page, name: RegExp = /^Signoff/, timeoutMs = 30_000): Promise<LauncherInfo> {
  const deadline = Date.now() + timeoutMs
  let last: LauncherInfo | null = null
  while (Date.now() < deadline) {
    last = await readLauncher(page).catch(() => null)
    if (last && name.test(last.name)) return last
    await page.waitForTimeout(100)
  }
  throw new Error(`no launcher named ${name} on ${page.url()} (last seen: ${last ? JSON.stringify(last.name) : "none"})`)
}

/** Clicks the launcher with real mouse input. */
export async function clickLauncher(page: Page): Promise<void> {
  const launcher = await waitForLauncher(page)
  await page.mouse.click(launcher.x, launcher.y)
}
