// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it } from "vitest"
import type { PublicSettings } from "~src/local/public-settings"
import { ConnectionSection } from "~src/ui/options/connection-section"
import { BackgroundProvider } from "~src/ui/query-client"
import { fakeBackground } from "../popup/fake-background"

afterEach(cleanup)

function setup(initial: PublicSettings) {
  let stored = initial
  const background = fakeBackground({
    "settings.get": () => stored,
    "settings.save": (m) => {
      stored = {
        ...stored,
        serverUrl: m.serverUrl,
        hasToken: stored.hasToken || Boolean(m.token),
        tokenHint: m.token ? m.token.slice(-4) : stored.tokenHint
      }
      return stored
    },
    "me.get": () => ({ name: "Ada Admin", role: "admin" })
  })
  render(
    <BackgroundProvider ask={background.ask}>
      <ConnectionSection />
    </BackgroundProvider>
  )
  return background
}

const EMPTY: PublicSettings = { serverUrl: "", hasToken: false, tokenHint: null, notifications: false, syncIntervalMinutes: 1 }

describe("Connection section", () => {
  it("saves the server URL and token through settings.save and then shows the token only masked", async () => {
    const user = userEvent.setup()
    const background = setup(EMPTY)
    await user.type(screen.getByLabelText("Server URL"), "http://127.0.0.1:8787")
    await user.type(screen.getByLabelText("API token"), "sk_live_secret_3f2a")
    await user.click(screen.getByRole("button", { name: "Save" }))

    expect(await screen.findByText(/Saved\. Token ••••3f2a/)).toBeTruthy()
    expect(background.callsOf("settings.save")).toEqual([{ type: "settings.save", serverUrl: "http://127.0.0.1:8787", token: "sk_live_secret_3f2a" }])
    const tokenInput = screen.getByLabelText("API token") as HTMLInputElement
    expect(tokenInput.value).toBe("")
    expect(tokenInput.type).toBe("password")
    expect(document.body.textContent).not.toContain("sk_live_secret")
  })

  it("keeps what the admin typed when the stored settings arrive after it", async () => {
    const user = userEvent.setup()
    let arrive: (settings: PublicSettings) => void = () => {}
    const background = fakeBackground({
      "settings.get": () => new Promise<PublicSettings>((resolve) => (arrive = resolve)),
      "settings.save": (m) => ({ ...EMPTY, serverUrl: m.serverUrl, hasToken: true, tokenHint: "3f2a" })
    })
    render(
      <BackgroundProvider ask={background.ask}>
        <ConnectionSection />
      </BackgroundProvider>
    )
    await user.type(screen.getByLabelText("Server URL"), "https://signoff.acme.com")
    await user.type(screen.getByLabelText("API token"), "sk_live_secret_3f2a")
    arrive({ ...EMPTY, serverUrl: "https://old.acme.com", hasToken: true, tokenHint: "9a9a" })
    expect(await screen.findByText(/Stored token: ••••9a9a/)).toBeTruthy()
    expect((screen.getByLabelText("Server URL") as HTMLInputElement).value).toBe("https://signoff.acme.com")
    await user.click(screen.getByRole("button", { name: "Save" }))
    await screen.findByText(/Saved\./)
    expect(background.callsOf("settings.save")).toEqual([{ type: "settings.save", serverUrl: "https://signoff.acme.com", token: "sk_live_secret_3f2a" }])
  })

  it("keeps the stored token when the token field is left empty", async () => {
    const user = userEvent.setup()
    const background = setup({ ...EMPTY, serverUrl: "http://127.0.0.1:8787", hasToken: true, tokenHint: "9a9a" })
    expect(await screen.findByText(/Stored token: ••••9a9a/)).toBeTruthy()
    await user.click(screen.getByRole("button", { name: "Save" }))
    await screen.findByText(/Saved\./)
    expect(background.callsOf("settings.save")[0]).toEqual({ type: "settings.save", serverUrl: "http://127.0.0.1:8787" })
  })

  it("refuses to save a server URL that is not http(s)", async () => {
    const user = userEvent.setup()
    const background = setup(EMPTY)
    await user.type(screen.getByLabelText("Server URL"), "not a url")
    await user.type(screen.getByLabelText("API token"), "abc")
    await user.click(screen.getByRole("button", { name: "Save" }))
    expect((await screen.findByRole("alert")).textContent).toMatch(/Enter the server URL/)
    expect(background.callsOf("settings.save")).toHaveLength(0)
  })

  it("refuses a remote server over plain http", async () => {
    const user = userEvent.setup()
    const background = setup(EMPTY)
    await user.type(screen.getByLabelText("Server URL"), "http://signoff.acme.example")
    await user.type(screen.getByLabelText("API token"), "abc")
    await user.click(screen.getByRole("button", { name: "Save" }))
    expect((await screen.findByRole("alert")).textContent).toMatch(/must use https/)
    expect(background.callsOf("settings.save")).toHaveLength(0)
  })

  it("asks for the token again when the server moves to another origin", async () => {
    const user = userEvent.setup()
    const background = setup({ ...EMPTY, serverUrl: "https://signoff.acme.example", hasToken: true, tokenHint: "9a9a" })
    const url = screen.getByLabelText("Server URL")
    await screen.findByText(/Stored token: ••••9a9a/)
    await user.clear(url)
    await user.type(url, "https://new-signoff.acme.example")
    await user.click(screen.getByRole("button", { name: "Save" }))
    expect((await screen.findByRole("alert")).textContent).toMatch(/another server: enter its API token/)
    expect(background.callsOf("settings.save")).toHaveLength(0)
  })

  it("tests the connection and shows who the token belongs to and its role", async () => {
    const user = userEvent.setup()
    setup({ ...EMPTY, serverUrl: "http://127.0.0.1:8787", hasToken: true, tokenHint: "9a9a" })
    await user.click(screen.getByRole("button", { name: "Test connection" }))
    const status = await screen.findByText(/Connected as/)
    expect(status.textContent).toBe("Connected as Ada Admin · role admin")
  })
})
