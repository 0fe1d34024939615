import type { Page } from "playwright-core"

/** Where the host's own landmarks are, and whether its page is still visible and clickable. */
export async function hostLayout(page: Page) {
  return page.evaluate(() => {
    const box = (selector: string) => {
      const r = document.querySelector(selector)?.getBoundingClientRect()
      return r ? [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)] : null
    }
    const action = document.querySelector('[data-fixture="primary-action"]')!.getBoundingClientRect()
    const topmost = document.elementFromPoint(action.x + action.width / 2, action.y + action.height / 2)
    return {
      primaryAction: box('[data-fixture="primary-action"]'),
      title: box('[data-fixture="entity-title"]'),
      bodyDisplay: getComputedStyle(document.body).display,
      bodyVisibility: getComputedStyle(document.body).visibility,
      rootFontSize: getComputedStyle(document.documentElement).fontSize,
      primaryActionOnTop: topmost?.closest('[data-fixture="primary-action"]') !== null
    }
  })
}
