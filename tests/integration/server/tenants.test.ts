import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Proposal } from "~src/domain"
import { snapshotDatabase, startServerWithCast, type ServerWithCast } from "./fixtures"

let cast: ServerWithCast

beforeAll(async () => {
  cast = await startServerWithCast()
})
afterAll(async () => {
  await cast.server.close()
})

const contact101 = (portal: string) => ({
  platform: "hubspot" as const,
  kind: "contact",
  id: "101",
  url: `https://app.hubspot.com/contacts/${portal}/record/0-1/101`
})

describe("a target's tenant", () => {
  it("is read off the target URL when the agent omits it, so two portals' contact 101 stay two records", async () => {
    const { api, agent, ana } = cast
    const a = Proposal.parse((await api.createProposal(agent, { target: contact101("4410021") })).body)
    const b = Proposal.parse((await api.createProposal(agent, { target: contact101("7770002") })).body)
    expect([a.target.tenant, b.target.tenant]).toEqual(["4410021", "7770002"])
    expect(Proposal.parse((await api.get(`/v1/proposals/${a.id}`, ana)).body).target.tenant).toBe("4410021")
  })

  it("keeps a stated tenant that agrees with the URL", async () => {
    const created = await cast.api.createProposal(cast.agent, { target: { ...contact101("4410021"), tenant: "4410021" } })
    expect(created.status).toBe(201)
  })

  it.each([
    ["a tenant the URL contradicts", { ...contact101("4410021"), tenant: "7770002" }, "target.tenant"],
    ["a plain http URL", { ...contact101("4410021"), url: "http://app.hubspot.com/contacts/4410021/record/0-1/101" }, "https"],
    [
      "another platform's host",
      { ...contact101("4410021"), url: "https://acme.lightning.force.com/lightning/r/Lead/00Q5e00000AbCdEAAZ/view" },
      "not on a HubSpot host"
    ],
    ["a look-alike host", { ...contact101("4410021"), url: "https://app.hubspot.com.evil.example/contacts/4410021/record/0-1/101" }, "not on a HubSpot host"]
  ])("refuses %s with 400, writing nothing", async (_what, target, message) => {
    const before = await snapshotDatabase(cast.server)
    const refused = await cast.api.createProposal(cast.agent, { workflowId: `tenant-check-${Math.random().toString(36).slice(2)}`, target })
    expect(refused.status).toBe(400)
    expect(refused.body.error.code).toBe("bad_request")
    expect(refused.body.error.message).toContain(message)
    expect(await snapshotDatabase(cast.server)).toEqual(before)
  })

  it("accepts a URL on a custom domain once an admin registered it for the platform", async () => {
    const { api, agent, admin } = cast
    const target = { platform: "marketo" as const, kind: "email", id: "1234", url: "https://go.acme-mail.example/#EM1234A1" }
    expect((await api.createProposal(agent, { target })).status).toBe(400)
    expect((await api.put("/v1/custom-domains/go.acme-mail.example", admin, { platform: "marketo" })).status).toBe(201)
    expect((await api.createProposal(agent, { target })).status).toBe(201)
    // Registered for Marketo, not for Dynamics.
    expect((await api.createProposal(agent, { target: { ...target, platform: "dynamics" } })).status).toBe(400)
  })
})

describe("custom domains on the server", () => {
  it("lists for reviewers, changes for admins only, and audits each change", async () => {
    const { api, ana, admin, server } = cast
    expect((await api.put("/v1/custom-domains/crm.acme.example", ana, { platform: "salesforce" })).status).toBe(403)
    const before = Number((await server.sql("SELECT COUNT(*) AS n FROM audit_log WHERE event = 'custom_domain.changed'"))[0]!.n)
    expect((await api.put("/v1/custom-domains/crm.acme.example", admin, { platform: "salesforce" })).status).toBe(201)
    expect((await api.put("/v1/custom-domains/crm.acme.example", admin, { platform: "dynamics" })).status).toBe(200)
    expect((await api.get("/v1/custom-domains", ana)).body).toContainEqual(expect.objectContaining({ host: "crm.acme.example", platform: "dynamics" }))
    expect((await api.call("DELETE", "/v1/custom-domains/crm.acme.example", { token: admin })).status).toBe(204)
    expect((await api.call("DELETE", "/v1/custom-domains/crm.acme.example", { token: admin })).status).toBe(404)
    const after = Number((await server.sql("SELECT COUNT(*) AS n FROM audit_log WHERE event = 'custom_domain.changed'"))[0]!.n)
    expect(after - before).toBe(3)
  })

  it.each([
    ["a built-in platform host", "app.hubspot.com", { platform: "hubspot" }],
    ["a host with a wildcard", "*.acme.example", { platform: "marketo" }],
    ["an upper-case host", "Go.Acme.Example", { platform: "marketo" }],
    ["an unknown platform", "go.acme.example", { platform: "myspace" }],
    ["`other`", "go.acme.example", { platform: "other" }],
    ["an unknown field", "go.acme.example", { platform: "marketo", extra: true }]
  ])("refuses %s with 400", async (_what, host, body) => {
    const refused = await cast.api.put(`/v1/custom-domains/${encodeURIComponent(host)}`, cast.admin, body)
    expect(refused.status).toBe(400)
  })
})
