// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it } from "vitest"
import type { PublicSettings } from "~src/local/public-settings"
import { PreferencesSection } from "~src/ui/options/preferences-section"
import { BackgroundProvider } from "~src/ui/query-client"
import { fakeBackground } from "../popup/fake-background"

afterEach(cleanup)

const SETTINGS: PublicSettings = { serverUrl: "http://127.0.0.1:8787", hasToken: true, tokenHint: "abcd", notifications: false, syncIntervalMinutes: 1 }

describe("Notifications and sync preferences", () => {
  it("shows notifications off by default and saves both preferences with the stored server URL", async () => {
    const user = userEvent.setup()
    const background = fakeBackground({
      "settings.get": () => SETTINGS,
      "settings.save": (m) => ({ ...SETTINGS, notifications: m.notifications!, syncIntervalMinutes: m.syncIntervalMinutes! })
    })
    render(
      <BackgroundProvider ask={background.ask}>
        <PreferencesSection />
      </BackgroundProvider>
    )
    const notify = screen.getByLabelText("Desktop notifications for new high-risk proposals") as HTMLInputElement
    await waitFor(() => expect((screen.getByLabelText("Sync every (minutes)") as HTMLInputElement).value).toBe("1"))
    expect(notify.checked).toBe(false)
    await user.click(notify)
    await user.clear(screen.getByLabelText("Sync every (minutes)"))
    await user.type(screen.getByLabelText("Sync every (minutes)"), "5")
    await user.click(screen.getByRole("button", { name: "Update preferences" }))
    await screen.findByText("Preferences updated.")
    expect(background.callsOf("settings.save")).toEqual([
      { type: "settings.save", serverUrl: "http://127.0.0.1:8787", notifications: true, syncIntervalMinutes: 5 }
    ])
  })
})
