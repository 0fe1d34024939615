import { describe, expect, it } from "vitest"
import type { Decision, Me } from "~src/domain"
import { hasApprovedCurrentContent } from "~src/sync"

const ana: Me = { name: "Ana", role: "reviewer", principalId: "P-ANA" }
const decision = (action: Decision["action"], actor: Partial<Decision["actor"]>, proposalVersion: number): Decision => ({
  id: `D${proposalVersion}${action}`,
  proposalId: "P",
  action,
  actor: { name: "Ana", role: "reviewer", ...actor },
  proposalVersion,
  createdAt: "2026-11-25T10:00:00.000Z"
})

describe("hasApprovedCurrentContent (the extension's quorum count)", () => {
  it("counts this reviewer's approval of the version now shown (its proposalVersion is the version before)", () => {
    expect(hasApprovedCurrentContent({ decisions: [decision("approve", { principalId: "P-ANA" }, 1)] }, ana)).toBe(true)
  })

  it("does not count someone else's approval, even under the same name", () => {
    expect(hasApprovedCurrentContent({ decisions: [decision("approve", { principalId: "P-OTHER" }, 1)] }, ana)).toBe(false)
  })

  it("starts over after an edit: the edited version was not approved by this reviewer yet", () => {
    const decisions = [decision("approve", { principalId: "P-ANA" }, 1), decision("edit", { name: "Ben", principalId: "P-BEN" }, 2)]
    expect(hasApprovedCurrentContent({ decisions }, ana)).toBe(false)
    expect(hasApprovedCurrentContent({ decisions: [...decisions, decision("approve", { principalId: "P-ANA" }, 3)] }, ana)).toBe(true)
  })

  it("counts this reviewer's own edit as their approval of the edited version", () => {
    expect(hasApprovedCurrentContent({ decisions: [decision("edit", { principalId: "P-ANA" }, 1)] }, ana)).toBe(true)
  })

  it("matches decisions from before principals by name, and knows nothing without a reviewer", () => {
    expect(hasApprovedCurrentContent({ decisions: [decision("approve", {}, 1)] }, ana)).toBe(true)
    expect(hasApprovedCurrentContent({ decisions: [decision("approve", { principalId: "P-ANA" }, 1)] }, null)).toBe(false)
  })
})
