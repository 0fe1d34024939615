import { describe, expect, it } from "vitest"
import { sameAccount, serverUrlProblem, type Account } from "~src/domain"

const ana: Account = { server: "https://signoff.acme.example", principalId: "P-ANA", name: "Ana", tokenKey: "k1" }

describe("sameAccount", () => {
  it("is the same person on the same server, whichever of their tokens", () => {
    expect(sameAccount(ana, { ...ana, tokenKey: "k2" })).toBe(true)
  })

  it("never matches another server, or another person with the same name", () => {
    expect(sameAccount(ana, { ...ana, server: "https://other.example" })).toBe(false)
    expect(sameAccount(ana, { ...ana, principalId: "P-OTHER-ANA" })).toBe(false)
  })

  it("falls back to the token itself while who it is is not known yet", () => {
    expect(sameAccount({ ...ana, principalId: null }, ana)).toBe(true)
    expect(sameAccount({ ...ana, principalId: null }, { ...ana, tokenKey: "k2" })).toBe(false)
  })
})

describe("serverUrlProblem", () => {
  it.each(["https://signoff.acme.example", "https://10.0.0.5:8787", "http://127.0.0.1:8787", "http://localhost:8787", "http://[::1]:8787"])(
    "accepts %s",
    (url) => {
      expect(serverUrlProblem(url)).toBeNull()
    }
  )

  it.each([
    ["plain http to another machine", "http://signoff.acme.example"],
    ["plain http to a LAN address", "http://10.0.0.5:8787"],
    ["another scheme", "ftp://signoff.acme.example"],
    ["not a URL", "signoff"]
  ])("refuses %s", (_what, url) => {
    expect(serverUrlProblem(url)).not.toBeNull()
  })
})
