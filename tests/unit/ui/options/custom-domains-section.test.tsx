// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it, vi } from "vitest"
import type { CustomDomain } from "~src/domain/custom-domains"
import type { CustomDomainBrowser } from "~src/ui/options/custom-domain-browser"
import { CustomDomainsSection } from "~src/ui/options/custom-domains-section"
import { BackgroundProvider } from "~src/ui/query-client"
import { fakeBackground } from "../popup/fake-background"

afterEach(cleanup)

/** chrome.permissions / chrome.scripting / chrome.storage.local, in memory. */
function fakeBrowser({ grant = true, stored = [] as CustomDomain[] } = {}) {
  const state = { domains: stored, origins: new Set<string>(), scripts: new Map<string, { matches: string[]; js: string[] }>() }
  const browser: CustomDomainBrowser = {
    requestOrigin: vi.fn(async (origin: string) => {
      if (grant) state.origins.add(origin)
      return grant
    }),
    removeOrigin: vi.fn(async (origin: string) => state.origins.delete(origin)),
    registerScript: vi.fn(async (s) => void state.scripts.set(s.id, s)),
    unregisterScript: vi.fn(async (id: string) => void state.scripts.delete(id)),
    manifestContentScripts: () => [
      { matches: ["https://app.hubspot.com/*", "https://app-eu1.hubspot.com/*"], js: ["hubspot.e3c98100.js"], css: [] },
      { matches: ["https://*.marketo.com/*"], js: ["marketo.1234abcd.js"], css: [] }
    ],
    readDomains: async () => state.domains,
    writeDomains: async (domains) => void (state.domains = domains)
  }
  render(
    <BackgroundProvider ask={fakeBackground({}).ask}>
      <CustomDomainsSection browser={browser} />
    </BackgroundProvider>
  )
  return { browser, state }
}

describe("Custom domains section", () => {
  it("asks for the host permission and registers the platform's built content script there", async () => {
    const user = userEvent.setup()
    const { browser, state } = fakeBrowser()
    await user.type(screen.getByLabelText("Host"), "https://Go.Acme.com/lp/spring")
    await user.selectOptions(screen.getByLabelText("Platform"), "marketo")
    await user.click(screen.getByRole("button", { name: "Add domain" }))

    const list = await screen.findByRole("list", { name: "Custom domains" })
    expect(within(list).getByText("go.acme.com")).toBeTruthy()
    expect(browser.requestOrigin).toHaveBeenCalledWith("https://go.acme.com/*")
    expect(state.scripts.get("signoff-custom-go.acme.com")).toEqual({
      id: "signoff-custom-go.acme.com",
      matches: ["https://go.acme.com/*"],
      js: ["marketo.1234abcd.js"],
      css: []
    })
    expect(state.domains).toMatchObject([{ host: "go.acme.com", platform: "marketo", scriptId: "signoff-custom-go.acme.com" }])
  })

  it("registers nothing and says so when the permission is refused", async () => {
    const user = userEvent.setup()
    const { browser, state } = fakeBrowser({ grant: false })
    await user.type(screen.getByLabelText("Host"), "go.acme.com")
    await user.click(screen.getByRole("button", { name: "Add domain" }))
    expect((await screen.findByRole("alert")).textContent).toMatch(/Access to go\.acme\.com was not granted/)
    expect(browser.registerScript).not.toHaveBeenCalled()
    expect(state.domains).toEqual([])
  })

  it("refuses a platform this build has no content script for, before asking for anything", async () => {
    const user = userEvent.setup()
    const { browser } = fakeBrowser()
    await user.type(screen.getByLabelText("Host"), "crm.acme.com")
    await user.selectOptions(screen.getByLabelText("Platform"), "dynamics")
    await user.click(screen.getByRole("button", { name: "Add domain" }))
    expect(screen.getByRole("alert").textContent).toMatch(/no Dynamics content script/)
    expect(browser.requestOrigin).not.toHaveBeenCalled()
  })

  it("removing a domain unregisters its script and drops the permission", async () => {
    const user = userEvent.setup()
    const stored: CustomDomain[] = [
      { host: "acme.my.salesforce.com", platform: "salesforce", scriptId: "signoff-custom-acme.my.salesforce.com", addedAt: "2026-11-01T00:00:00Z" }
    ]
    const { browser, state } = fakeBrowser({ stored })
    await user.click(await screen.findByRole("button", { name: "Remove acme.my.salesforce.com" }))
    await screen.findByText("No custom domains.")
    expect(browser.unregisterScript).toHaveBeenCalledWith("signoff-custom-acme.my.salesforce.com")
    expect(browser.removeOrigin).toHaveBeenCalledWith("https://acme.my.salesforce.com/*")
    expect(state.domains).toEqual([])
  })
})
