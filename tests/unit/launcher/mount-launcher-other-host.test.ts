// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://www.marketo.com/#EM1234A1"}
import { describe, expect, it } from "vitest"
import { LAUNCHER_HOST_TAG, mountLauncher, type LauncherRuntime } from "~src/launcher/mount-launcher"
import { marketo } from "~src/platforms/marketo"

describe("the launcher on a host its platform's wide match pattern covers", () => {
  it("stays off a host that is not the platform's (Marketo's marketing site under https://*.marketo.com/*)", () => {
    const runtime = { id: "x", getURL: (p: string) => p, onMessage: { addListener: () => {}, removeListener: () => {} } } as unknown as LauncherRuntime
    expect(mountLauncher({ platform: marketo, runtime, ask: (async () => ({})) as never })).toBeNull()
    expect(document.querySelectorAll(LAUNCHER_HOST_TAG)).toHaveLength(0)
  })
})
