/**
 * A virtual X display of the test's own, for the one thing headless Chromium cannot do: show
 * Chrome's permission prompt (chrome.permissions.request) and take the reviewer's answer. The
 * test starts Xvfb, runs Chromium headed on it, and answers the prompt with real key presses
 * through xdotool — the same path a person's keyboard takes. .ci/run installs both
 * (apt-get install -y xvfb xdotool).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process"
import { existsSync } from "node:fs"

export interface VirtualDisplay {
  /** ":93" */
  display: string
  /** Presses keys on this display, e.g. pressKeys("Tab", "Return"). */
  pressKeys(...keys: string[]): void
  stop(): Promise<void>
}

export async function startVirtualDisplay(): Promise<VirtualDisplay> {
  for (const tool of ["Xvfb", "xdotool"]) {
    if (!["/usr/bin", "/usr/local/bin"].some((dir) => existsSync(`${dir}/${tool}`)))
      throw new Error(`${tool} is not installed: apt-get install -y xvfb xdotool (.ci/run does)`)
  }
  for (let n = 90 + Math.floor(Math.random() * 50); n < 200; n++) {
    if (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) continue
    const server: ChildProcess = spawn("Xvfb", [`:${n}`, "-screen", "0", "1280x900x24", "-nolisten", "tcp"], { stdio: "ignore" })
    const started = await waitFor(() => existsSync(`/tmp/.X11-unix/X${n}`), 10_000)
    if (!started || server.exitCode !== null) {
      server.kill()
      continue
    }
    const display = `:${n}`
    return {
      display,
      pressKeys: (...keys) => void execFileSync("xdotool", ["key", "--clearmodifiers", ...keys], { env: { ...process.env, DISPLAY: display } }),
      stop: () =>
        new Promise<void>((resolve) => {
          if (server.exitCode !== null) return resolve()
          server.once("exit", () => resolve())
          server.kill()
        })
    }
  }
  throw new Error("no free X display number for Xvfb")
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (check()) return true
    await new Promise((r) => setTimeout(r, 50))
  }
  return false
}
