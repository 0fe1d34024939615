import { describe, expect, it } from "vitest"
import { OVERSIGHT_MODEL_LABELS, REJECTION_REASON_LABELS, RejectionReasonCode } from "~src/domain"
import * as panelLabels from "~src/ui/proposal/domain-labels"

describe("the panel's copies of the domain labels (kept out of the content scripts' zod-free graph)", () => {
  it("name the oversight models as the domain does", () => {
    expect(panelLabels.OVERSIGHT_MODEL_LABELS).toEqual(OVERSIGHT_MODEL_LABELS)
  })

  it("list the rejection reasons in the domain's order with the domain's labels", () => {
    expect(panelLabels.REJECTION_REASON_ORDER).toEqual(RejectionReasonCode.options)
    expect(panelLabels.REJECTION_REASON_LABELS).toEqual(REJECTION_REASON_LABELS)
  })
})
