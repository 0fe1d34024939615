import { z } from "zod"
import { Role } from "./decision"
import { WorkflowScope } from "./principal"

/** GET /v1/me: who this token is. `name` is the principal's name. */
export const Me = z.object({
  name: z.string(),
  role: Role,
  /** The person or agent behind the token: the identity quorum and the audit log count. */
  principalId: z.string().optional(),
  tokenId: z.string().optional(),
  /** Workflows this token may propose into (agents); `"*"` = any. */
  workflows: WorkflowScope.optional(),
  expiresAt: z.iso.datetime({ offset: true }).nullable().optional()
})
export type Me = z.infer<typeof Me>
