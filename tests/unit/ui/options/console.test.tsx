// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it, vi } from "vitest"
import type { Me } from "~src/domain/me"
import { CONSOLE_SECTIONS } from "~src/ui/options/console-sections"
import { OptionsApp } from "~src/ui/options/options-app"
import { BackgroundProvider } from "~src/ui/query-client"
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

function renderConsole(me: Me = { name: "Ada", role: "admin" }) {
  render(
    <BackgroundProvider ask={consoleBackground(me).ask}>
      <OptionsApp customDomainBrowser={fakeDomains} />
    </BackgroundProvider>
  )
}

const nav = () => screen.getByRole("navigation", { name: "Settings sections" })
const heading = (name: string | RegExp) => within(screen.getByRole("main")).findByRole("heading", { level: 2, name })

describe("the admin console", () => {
  it("has a banner, a navigation of every section and one main area showing the first", async () => {
    renderConsole()
    expect(screen.getByRole("banner").textContent).toContain("Signoff settings")
    expect(
      within(nav())
        .getAllByRole("link")
        .map((a) => a.textContent)
    ).toEqual(CONSOLE_SECTIONS.map((s) => s.label))
    await heading("Connection")
    expect(within(nav()).getByRole("link", { name: "Connection" }).getAttribute("aria-current")).toBe("page")
    expect(await screen.findByText(/Connected as/)).toBeTruthy()
  })

  it("opens a section from its link and moves focus to its heading", async () => {
    const user = userEvent.setup()
    renderConsole()
    await heading("Connection")
    await user.click(within(nav()).getByRole("link", { name: "Workflows" }))
    const workflows = await heading("Workflows")
    expect(window.location.hash).toBe("#workflows")
    await waitFor(() => expect(document.activeElement).toBe(workflows))
    expect(within(nav()).getByRole("link", { name: "Workflows" }).getAttribute("aria-current")).toBe("page")
    expect(within(nav()).getByRole("link", { name: "Connection" }).getAttribute("aria-current")).toBeNull()
    expect(screen.queryByLabelText("Server URL")).toBeNull()
  })

  it("is reachable from the keyboard: Tab to a link, Enter opens it", async () => {
    const user = userEvent.setup()
    renderConsole()
    await heading("Connection")
    for (let i = 0; i < 10 && document.activeElement?.textContent !== "Deadlines"; i++) await user.tab()
    expect(document.activeElement?.textContent).toBe("Deadlines")
    await user.keyboard("{Enter}")
    const deadlines = await heading("Deadlines")
    await waitFor(() => expect(document.activeElement).toBe(deadlines))
  })

  it("opens the section a deep link names, loading the advisor on demand, without taking focus on first paint", async () => {
    window.history.replaceState(null, "", "/#advisor")
    renderConsole()
    await heading("Loosening advisor")
    expect(await screen.findByRole("region", { name: "Recommendation for Lead routing" })).toBeTruthy()
    expect(document.activeElement).toBe(document.body)
  })

  it("follows the hash when it changes (the browser's back and forward)", async () => {
    renderConsole()
    await heading("Connection")
    await act(async () => {
      window.location.hash = "#team"
      await new Promise((resolve) => setTimeout(resolve, 0))
    })
    await heading("Team & tokens")
  })

  it("falls back to Connection for an unknown hash", async () => {
    window.history.replaceState(null, "", "/#no-such-section")
    renderConsole()
    await heading("Connection")
  })

  it("marks the admin sections read-only for a reviewer, each saying why", async () => {
    renderConsole({ name: "Rita", role: "reviewer" })
    await waitFor(() => expect(within(nav()).getAllByText("(read-only)").length).toBe(CONSOLE_SECTIONS.filter((s) => s.needsAdmin).length))
    for (const section of CONSOLE_SECTIONS.filter((s) => s.needsAdmin)) {
      await act(async () => {
        window.location.hash = `#${section.id}`
        await new Promise((resolve) => setTimeout(resolve, 0))
      })
      await waitFor(() => expect(screen.getByRole("main").textContent, section.id).toMatch(/Read-only: you are connected as Rita with the reviewer role/))
    }
  })

  it("shows an admin no read-only notes", async () => {
    renderConsole()
    await screen.findByText(/Connected as/)
    expect(within(nav()).queryByText("(read-only)")).toBeNull()
  })
})
