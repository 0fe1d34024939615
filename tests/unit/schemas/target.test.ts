import { describe, expect, it } from "vitest"
import { parentKeys, Target, targetKey } from "~src/domain"

const email = { platform: "hubspot", kind: "email", id: "1100" } as const
const campaign = { kind: "campaign", id: "3f9a2c1e-7b4d-4e8f-9a6b-1c2d3e4f5a6b" }

describe("Target.parents", () => {
  it("accepts a target with the entities it belongs to", () => {
    const r = Target.safeParse({ ...email, parents: [campaign, { kind: "list", id: "12" }] })
    expect(r.success).toBe(true)
    expect(r.data?.parents).toEqual([campaign, { kind: "list", id: "12" }])
  })

  it("keeps a target without parents valid, as agents written before parents send it", () => {
    expect(Target.safeParse(email).success).toBe(true)
  })

  it("rejects an unknown field in a parent (a parent is on the target's platform, so it names none)", () => {
    expect(Target.safeParse({ ...email, parents: [{ ...campaign, platform: "hubspot" }] }).success).toBe(false)
  })

  it("rejects more than 20 parents", () => {
    const parents = Array.from({ length: 21 }, (_, i) => ({ kind: "campaign", id: String(i) }))
    expect(Target.safeParse({ ...email, parents: parents.slice(0, 20) }).success).toBe(true)
    expect(Target.safeParse({ ...email, parents }).success).toBe(false)
  })

  it("rejects a parent with an empty or too long kind or id", () => {
    expect(Target.safeParse({ ...email, parents: [{ kind: "", id: "1" }] }).success).toBe(false)
    expect(Target.safeParse({ ...email, parents: [{ kind: "k".repeat(65), id: "1" }] }).success).toBe(false)
    expect(Target.safeParse({ ...email, parents: [{ kind: "campaign", id: "x".repeat(257) }] }).success).toBe(false)
  })
})

describe("parentKeys", () => {
  it("gives each parent's targetKey on the target's platform, once", () => {
    expect(parentKeys({ ...email, parents: [campaign, campaign, { kind: "list", id: "12" }] })).toEqual([
      targetKey({ platform: "hubspot", ...campaign }),
      "hubspot:list:12"
    ])
  })

  it("gives none for a target without parents", () => {
    expect(parentKeys(email)).toEqual([])
  })
})
