// @vitest-environment jsdom
import { JSDOM } from "jsdom"
import { describe, expect, it } from "vitest"
import { detectEntity } from "~src/platforms"
import { FIXTURE_HOSTS, fixturePageFor } from "~tests/fixtures/pages"

/**
 * The look-alike pages and the detectors must agree: every entity the e2e tests navigate to
 * through a fixture's own links is one the content script can read.
 */
function load(url: string) {
  const page = fixturePageFor(url)
  if (!page) throw new Error(`no fixture for ${url}`)
  return new JSDOM(page.body, { url, runScripts: "dangerously" })
}

const START_PAGES = [
  ["https://app.hubspot.com/contacts/4455667/record/0-1/101", "contact"],
  ["https://app-eu1.hubspot.com/email/4455667/edit/1100/content", "email"],
  ["https://app.hubspot.com/workflows/4455667/platform/flow/3300/edit", "workflow"],
  ["https://app.hubspot.com/contacts/4455667/objectLists/12", "list"],
  ["https://app-ab12.marketo.com/#EM1234A1ZN2", "email"],
  ["https://experience.adobe.com/#/@acme/so:123-ABC-456/marketo-engage/classic/PG1001A1", "program"],
  ["https://acme.lightning.force.com/lightning/r/Lead/00Q5e00000AbCdEAAZ/view", "lead"],
  ["https://pi.pardot.com/prospect/read/id/4242", "prospect"],
  ["https://acme.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=contact&id=5e8b2c1a-0f3d-4a6b-9c7e-123456789abc", "contact"]
] as const

describe("look-alike fixture pages", () => {
  it.each(START_PAGES)("%s reads as a %s, and its 'next' link leads to another readable entity", (url, kind) => {
    const dom = load(url)
    const first = detectEntity(dom.window.location.href)
    expect(first?.kind).toBe(kind)
    const next = dom.window.document.querySelector<HTMLAnchorElement>('a[data-fixture-nav="next"]')!
    const nextUrl = new URL(next.getAttribute("href")!, dom.window.location.href).href
    const second = detectEntity(nextUrl)
    expect(second?.kind).toBe(kind)
    expect(second?.id).not.toBe(first?.id)
    dom.window.close()
  })

  it("moves between HubSpot records with pushState, without reloading", () => {
    const dom = load("https://app.hubspot.com/contacts/4455667/record/0-1/101")
    const marker = dom.window as unknown as { loadMarker?: number }
    marker.loadMarker = 1
    dom.window.document.querySelector<HTMLAnchorElement>('a[data-fixture-nav="next"]')!.click()
    expect(dom.window.location.pathname).toBe("/contacts/4455667/record/0-1/102")
    expect(marker.loadMarker).toBe(1)
    dom.window.close()
  })

  it("keeps the previous Lightning page in the DOM, hidden", () => {
    const dom = load("https://acme.lightning.force.com/lightning/r/Lead/00Q5e00000AbCdEAAZ/view")
    dom.window.document.querySelector<HTMLAnchorElement>('.oneContent.active a[data-fixture-nav="next"]')!.click()
    const pages = dom.window.document.querySelectorAll(".oneContent")
    expect(pages).toHaveLength(2)
    expect(pages[0].classList.contains("hidden")).toBe(true)
    expect(pages[1].classList.contains("active")).toBe(true)
    dom.window.close()
  })

  it("has a route pattern for every host it serves and none for other hosts", () => {
    expect(FIXTURE_HOSTS).toContain("https://app.hubspot.com/**")
    expect(fixturePageFor("https://www.example.com/")).toBeNull()
    expect(fixturePageFor("https://app.hubspot.com/favicon.ico")?.status).toBe(404)
  })
})
