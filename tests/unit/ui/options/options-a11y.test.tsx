// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"
import type { Me } from "~src/domain/me"
import { CONSOLE_SECTIONS } from "~src/ui/options/console-sections"
import { OptionsApp } from "~src/ui/options/options-app"
import { BackgroundProvider } from "~src/ui/query-client"
import { seriousViolations } from "../popup/axe"
import { consoleBackground, fakeDomains } from "./console-background"

vi.mock("uplot", () => ({
  default: class {
    destroy() {}
  }
}))
afterEach(() => {
  cleanup()
  window.history.replaceState(null, "", "/")
})

function renderOptions(me: Me) {
  render(
    <BackgroundProvider ask={consoleBackground(me).ask}>
      <OptionsApp customDomainBrowser={fakeDomains} />
    </BackgroundProvider>
  )
}

/** Opens a section by its hash and waits until it has loaded what it shows. */
async function openSection(id: string) {
  await act(async () => {
    window.location.hash = `#${id}`
    await new Promise((resolve) => setTimeout(resolve, 0))
  })
  const main = screen.getByRole("main")
  await waitFor(() => expect(main.querySelector("h2")).not.toBeNull())
  await waitFor(() => expect(main.textContent).not.toMatch(/Loading|Checking your role/))
}

describe("options page accessibility (axe)", () => {
  it.each([
    ["an admin", { name: "Ada", role: "admin" }],
    ["a reviewer", { name: "Rita", role: "reviewer" }]
  ] as const)(
    "has no serious or critical violations on any console section for %s",
    async (_who, me) => {
      renderOptions(me)
      for (const section of CONSOLE_SECTIONS) {
        await openSection(section.id)
        if (section.id === "advisor") await screen.findByRole("region", { name: "Recommendation for Enrichment" })
        if (section.id === "custom-domains") await screen.findByText("go.acme.com")
        expect(document.title).toBe(`${section.label} · Signoff settings`)
        expect(await seriousViolations(), `section ${section.id}`).toEqual([])
      }
    },
    60_000
  )

  it("keeps the UI contract: one Server URL input, one API token input, one Save button", async () => {
    renderOptions({ name: "Ada", role: "admin" })
    await screen.findByRole("heading", { name: "Connection" })
    expect(screen.getAllByLabelText(/Server URL/i)).toHaveLength(1)
    expect(screen.getAllByLabelText(/API token/i)).toHaveLength(1)
    // Scripts find it by name, and Playwright matches names by substring: nothing else may contain "save".
    expect(screen.getAllByRole("button", { name: /save/i }).map((b) => b.textContent)).toEqual(["Save"])
  })
})
