import { z } from "zod"
import { CHANGE_KIND_TABLE, type Change as ChangeType } from "../change-kinds"

export * from "./bulk"
export * from "./content"
export * from "./fields"
export * from "./flow"
export * from "./routing"
export * from "./scoring"
export * from "./segment"
export { CHANGE_KINDS, type ChangeKind, type ChangeOf } from "../change-kinds"

// zod wants the union's members as a tuple type; the table's rows are exactly those members.
const members = Object.values(CHANGE_KIND_TABLE).map((row) => row.schema) as unknown as Parameters<typeof z.discriminatedUnion>[1]

/** What the AI wants to change: one of src/domain/change-kinds.ts's kinds, by `kind`. */
export const Change = z.discriminatedUnion("kind", members) as unknown as z.ZodType<ChangeType>
export type Change = ChangeType
