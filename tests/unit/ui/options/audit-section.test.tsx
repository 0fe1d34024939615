// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it, vi } from "vitest"
import type { AuditVerifyResult } from "~src/domain/audit"
import type { Me } from "~src/domain/me"
import { AuditSection } from "~src/ui/options/audit-section"
import { BackgroundProvider } from "~src/ui/query-client"
import { fakeBackground } from "../popup/fake-background"

afterEach(cleanup)

const JSONL = '{"seq":1,"event":"decision"}\n{"seq":2,"event":"workflow.changed"}\n'

function setup(verify: AuditVerifyResult | { status: number; body: unknown }, me: Me = { name: "Ada", role: "admin" }) {
  const saveFile = vi.fn()
  const background = fakeBackground({
    "me.get": () => me,
    "api.call": (m) => {
      if (m.path === "/v1/audit/verify") return "status" in verify ? verify : { status: 200, body: verify }
      if (m.path.startsWith("/v1/audit?"))
        return { status: 200, body: new URL(m.path, "http://x").searchParams.get("format") === "csv" ? "seq,event\n1,decision\n" : JSONL }
      return { status: 404, body: null }
    }
  })
  render(
    <BackgroundProvider ask={background.ask}>
      <AuditSection saveFile={saveFile} />
    </BackgroundProvider>
  )
  return { background, saveFile }
}

/** The buttons wait for the role check (admins only); click once it has passed. */
async function clickButton(user: ReturnType<typeof userEvent.setup>, name: string) {
  const button = screen.getByRole("button", { name }) as HTMLButtonElement
  await waitFor(() => expect(button.disabled).toBe(false))
  await user.click(button)
}

describe("Audit section", () => {
  it("downloads the JSONL export for the chosen date range", async () => {
    const user = userEvent.setup()
    const { background, saveFile } = setup({ ok: true, entries: 2, firstBroken: null })
    await user.type(screen.getByLabelText("From"), "2026-11-01")
    await user.type(screen.getByLabelText("To"), "2026-11-24")
    await clickButton(user, "Download JSONL")
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1))
    expect(saveFile).toHaveBeenCalledWith("signoff-audit-from-2026-11-01-to-2026-11-24.jsonl", JSONL, "application/x-ndjson")
    const query = new URL(background.callsOf("api.call")[0].path, "http://x").searchParams
    expect(query.get("format")).toBe("jsonl")
    expect(query.get("from")).toBe(new Date("2026-11-01T00:00:00").toISOString())
    expect(query.get("to")).toBe(new Date("2026-11-24T23:59:59.999").toISOString())
    expect(await screen.findByText(/Downloaded signoff-audit-from-2026-11-01-to-2026-11-24\.jsonl/)).toBeTruthy()
  })

  it("downloads CSV as text/csv", async () => {
    const user = userEvent.setup()
    const { saveFile } = setup({ ok: true, entries: 2, firstBroken: null })
    await clickButton(user, "Download CSV")
    await waitFor(() => expect(saveFile).toHaveBeenCalledWith("signoff-audit.csv", "seq,event\n1,decision\n", "text/csv"))
  })

  it("reports an intact chain with the number of entries", async () => {
    const user = userEvent.setup()
    setup({ ok: true, entries: 1234, firstBroken: null })
    await clickButton(user, "Verify chain")
    expect(await screen.findByText("Chain intact: 1,234 entries verified.")).toBeTruthy()
  })

  it("reports the first broken link of a tampered chain", async () => {
    const user = userEvent.setup()
    setup({ ok: false, entries: 40, firstBroken: { seq: 17, reason: "hash mismatch" } })
    await clickButton(user, "Verify chain")
    expect((await screen.findByRole("alert")).textContent).toBe("Chain broken at entry 17: hash mismatch (40 entries checked).")
  })

  it("shows the server's message when the token may not read the audit log", async () => {
    const user = userEvent.setup()
    setup({ status: 403, body: { error: { code: "forbidden", message: "admins only" } } })
    await clickButton(user, "Verify chain")
    expect((await screen.findByRole("alert")).textContent).toBe("Could not verify: admins only")
  })

  it("shows a reviewer why the export and verification are not theirs to run", async () => {
    const { background } = setup({ ok: true, entries: 1, firstBroken: null }, { name: "Rita", role: "reviewer" })
    expect(await screen.findByText(/Read-only: you are connected as Rita with the reviewer role/)).toBeTruthy()
    for (const name of ["Download JSONL", "Download CSV", "Verify chain"])
      expect((screen.getByRole("button", { name }) as HTMLButtonElement).disabled).toBe(true)
    expect(background.callsOf("api.call")).toEqual([])
  })
})
