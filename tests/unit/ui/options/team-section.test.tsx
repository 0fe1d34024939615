// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it } from "vitest"
import type { Me } from "~src/domain/me"
import type { PrincipalWithTokens } from "~src/domain/principal"
import { TeamSection } from "~src/ui/options/team-section"
import { BackgroundProvider } from "~src/ui/query-client"
import { fakeBackground } from "../popup/fake-background"

afterEach(cleanup)

const AT = "2026-11-01T00:00:00.000Z"
const team: PrincipalWithTokens[] = [
  {
    id: "P-ANA",
    name: "Ana",
    role: "reviewer",
    email: "ana@acme.example",
    createdAt: AT,
    tokens: [{ id: "T1", principalId: "P-ANA", role: "reviewer", name: "laptop", workflows: "*", createdAt: AT, expiresAt: null, revokedAt: null }]
  },
  {
    id: "P-BOT",
    name: "enricher",
    role: "agent",
    email: null,
    createdAt: AT,
    tokens: [
      {
        id: "T2",
        principalId: "P-BOT",
        role: "agent",
        name: "ci",
        workflows: ["enrich"],
        createdAt: AT,
        expiresAt: "2027-01-01T00:00:00.000Z",
        revokedAt: null
      }
    ]
  }
]

function setup(me: Me = { name: "Olu", role: "admin", principalId: "P-OLU" }) {
  const background = fakeBackground({
    "me.get": () => me,
    "api.call": (m) => {
      if (m.method === "GET" && m.path === "/v1/principals") return { status: 200, body: team }
      if (m.method === "POST" && m.path === "/v1/tokens") {
        const body = m.body as { principal?: { name: string; role: "agent" }; workflows?: string[] }
        const principal = { id: "P-NEW", name: body.principal!.name, role: body.principal!.role, email: null, createdAt: AT }
        const info = {
          id: "T9",
          principalId: "P-NEW",
          role: principal.role,
          name: principal.name,
          workflows: body.workflows ?? "*",
          createdAt: AT,
          expiresAt: null,
          revokedAt: null
        }
        return { status: 201, body: { token: "so_new-secret", info, principal } }
      }
      if (m.method === "POST" && m.path === "/v1/tokens/T2/revoke") return { status: 200, body: {} }
      return { status: 404, body: { error: { code: "not_found", message: "no" } } }
    }
  })
  render(
    <BackgroundProvider ask={background.ask}>
      <TeamSection />
    </BackgroundProvider>
  )
  return background
}

describe("Team & tokens", () => {
  it("lists people and agents with their tokens, scopes and expiry", async () => {
    setup()
    const table = await screen.findByRole("table", { name: "People, agents and their tokens" })
    expect(within(table).getByRole("rowheader", { name: /Ana/ }).textContent).toContain("ana@acme.example")
    const bot = within(table).getByRole("row", { name: /enricher/ })
    expect(bot.textContent).toContain("enrich")
    expect(bot.textContent).toContain("2027-01-01")
  })

  it("creates a scoped agent token and shows the secret once", async () => {
    const user = userEvent.setup()
    const background = setup()
    await screen.findByRole("table")
    await user.type(screen.getByLabelText("Name"), "copy-bot")
    await user.selectOptions(screen.getByLabelText("Role"), "agent")
    await user.clear(screen.getByLabelText("Workflows it may propose into"))
    await user.type(screen.getByLabelText("Workflows it may propose into"), "email-copy, enrich")
    await user.click(screen.getByRole("button", { name: "Create token" }))
    expect(((await screen.findByLabelText("The new token")) as HTMLInputElement).value).toBe("so_new-secret")
    expect(background.callsOf("api.call").find((c) => c.method === "POST")?.body).toEqual({
      principal: { name: "copy-bot", role: "agent" },
      workflows: ["email-copy", "enrich"]
    })
  })

  it("refuses a workflow scope that is not workflow ids, before asking the server", async () => {
    const user = userEvent.setup()
    const background = setup()
    await screen.findByRole("table")
    await user.type(screen.getByLabelText("Name"), "copy-bot")
    await user.selectOptions(screen.getByLabelText("Role"), "agent")
    await user.clear(screen.getByLabelText("Workflows it may propose into"))
    await user.type(screen.getByLabelText("Workflows it may propose into"), "email copy!")
    await user.click(screen.getByRole("button", { name: "Create token" }))
    expect((await screen.findByRole("alert")).textContent).toMatch(/Workflow ids/)
    expect(background.callsOf("api.call").filter((c) => c.method === "POST")).toEqual([])
  })

  it("revokes a token after a confirmation", async () => {
    const user = userEvent.setup()
    const background = setup()
    await user.click(await screen.findByRole("button", { name: "Revoke enricher's token ci" }))
    await user.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Revoke token" }))
    await waitFor(() => expect(background.callsOf("api.call").some((c) => c.path === "/v1/tokens/T2/revoke")).toBe(true))
  })

  it("is read-only for a reviewer and does not ask for the team", async () => {
    const background = setup({ name: "Rita", role: "reviewer" })
    expect(await screen.findByText(/Read-only: you are connected as Rita/)).toBeTruthy()
    expect(screen.queryByRole("button", { name: "Create token" })).toBeNull()
    expect(background.callsOf("api.call")).toEqual([])
  })
})
