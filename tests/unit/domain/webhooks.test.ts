import { describe, expect, it } from "vitest"
import { WebhookCreate, isAllowedWebhookUrl } from "~src/domain/webhooks"

describe("webhook URLs", () => {
  for (const url of [
    "https://hooks.example.com/signoff",
    "https://10.0.0.5:8443/x",
    "http://127.0.0.1:3000/hook",
    "http://127.8.9.10/x",
    "http://localhost:8080/x",
    "http://[::1]:9000/x"
  ])
    it(`accepts ${url}`, () => expect(isAllowedWebhookUrl(url)).toBe(true))

  for (const url of [
    "http://hooks.example.com/signoff",
    "http://10.0.0.5/x",
    "http://localhost.example.com/x",
    "http://127.0.0.1.nip.io/x",
    "https://user:secret@hooks.example.com/x",
    "ftp://hooks.example.com/x",
    "javascript:alert(1)",
    "not a url",
    ""
  ])
    it(`refuses ${JSON.stringify(url)}`, () => expect(isAllowedWebhookUrl(url)).toBe(false))

  it("refuses a subscription to an event that does not exist", () => {
    expect(WebhookCreate.safeParse({ url: "https://h.example/x", events: ["proposal.deleted"] }).success).toBe(false)
  })
})
