import { Webhook as StandardWebhook } from "standardwebhooks"
import { describe, expect, it } from "vitest"
import { newWebhookSecret, webhookHeaders } from "~server/webhooks/signature"

const body = JSON.stringify({ type: "proposal.approved", timestamp: "2026-11-02T10:00:00.000Z", data: { proposalId: "01J" } })

describe("webhook signatures", () => {
  it("makes whsec_ secrets of 32 random bytes", () => {
    const secret = newWebhookSecret()
    expect(secret).toMatch(/^whsec_/)
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(32)
    expect(newWebhookSecret()).not.toBe(secret)
  })

  it("produces exactly the headers the standardwebhooks package signs", () => {
    const secret = newWebhookSecret()
    const at = new Date()
    const headers = webhookHeaders("msg_1", at, body, [secret])
    expect(headers["webhook-signature"]).toBe(new StandardWebhook(secret).sign("msg_1", at, body))
    expect(headers["webhook-timestamp"]).toBe(String(Math.floor(at.getTime() / 1000)))
    expect(new StandardWebhook(secret).verify(body, headers)).toEqual(JSON.parse(body))
  })

  it("signs with each secret during a rotation, so either one verifies", () => {
    const [current, previous] = [newWebhookSecret(), newWebhookSecret()]
    const headers = webhookHeaders("msg_2", new Date(), body, [current, previous])
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2)
    expect(new StandardWebhook(current).verify(body, headers)).toBeTruthy()
    expect(new StandardWebhook(previous).verify(body, headers)).toBeTruthy()
    expect(() => new StandardWebhook(newWebhookSecret()).verify(body, headers)).toThrow()
  })

  it("binds the id and the timestamp: changing either breaks the signature", () => {
    const secret = newWebhookSecret()
    const headers = webhookHeaders("msg_3", new Date(), body, [secret])
    const verifier = new StandardWebhook(secret)
    expect(() => verifier.verify(body, { ...headers, "webhook-id": "msg_4" })).toThrow()
    expect(() => verifier.verify(body, { ...headers, "webhook-timestamp": String(Number(headers["webhook-timestamp"]) - 1) })).toThrow()
  })
})
