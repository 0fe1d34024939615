import { Webhook as StandardWebhook } from "standardwebhooks"
import { describe, expect, it } from "vitest"
import { WebhookVerificationError, verifyWebhook } from "~sdk/src"
import { newWebhookSecret } from "~server/webhooks/signature"

const event = {
  type: "proposal.rejected",
  timestamp: "2026-11-02T10:00:00.000Z",
  data: {
    proposalId: "01P",
    workflowId: "email-copy",
    status: "rejected",
    title: "Subject",
    target: { platform: "hubspot", kind: "email", id: "1" },
    actor: { name: "Ana", role: "reviewer" },
    auditSeq: 9,
    reason: { code: "off_brand", text: "Too casual" }
  }
}
const body = JSON.stringify(event)

/** Headers as the reference library signs them: an independent check of our verification. */
function signedBy(secret: string, at = new Date()) {
  return {
    "webhook-id": "msg_01",
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new StandardWebhook(secret).sign("msg_01", at, body)
  }
}

describe("verifyWebhook", () => {
  it("accepts a delivery the standardwebhooks package signed, and returns the typed event", () => {
    const secret = newWebhookSecret()
    expect(verifyWebhook(signedBy(secret), body, secret)).toEqual(event)
  })

  it("reads Fetch Headers, Node's lower-case header objects and raw bytes alike", () => {
    const secret = newWebhookSecret()
    const headers = signedBy(secret)
    expect(verifyWebhook(new Headers(headers), Buffer.from(body), secret).type).toBe("proposal.rejected")
    expect(
      verifyWebhook(
        { "Webhook-Id": headers["webhook-id"], "webhook-timestamp": [headers["webhook-timestamp"]], "webhook-signature": headers["webhook-signature"] },
        body,
        secret
      ).type
    ).toBe("proposal.rejected")
  })

  it("accepts either signature during a rotation", () => {
    const [current, previous] = [newWebhookSecret(), newWebhookSecret()]
    const headers = signedBy(previous)
    headers["webhook-signature"] = `${signedBy(current)["webhook-signature"]} ${headers["webhook-signature"]}`
    expect(verifyWebhook(headers, body, previous).type).toBe("proposal.rejected")
    expect(verifyWebhook(headers, body, current).type).toBe("proposal.rejected")
  })

  it("refuses another secret, a changed body, a missing header, and a stale timestamp", () => {
    const secret = newWebhookSecret()
    expect(() => verifyWebhook(signedBy(secret), body, newWebhookSecret())).toThrow(WebhookVerificationError)
    expect(() => verifyWebhook(signedBy(secret), body.replace("Too casual", "Fine"), secret)).toThrow(/no signature matches/)
    const { "webhook-signature": _dropped, ...unsigned } = signedBy(secret)
    expect(() => verifyWebhook(unsigned, body, secret)).toThrow(/missing/)
    const old = new Date(Date.now() - 10 * 60_000)
    expect(() => verifyWebhook(signedBy(secret, old), body, secret)).toThrow(/tolerance/)
  })
})
