import { z } from "zod"
import { Role } from "./decision"
import { WorkflowId } from "./proposal"

/**
 * A person or an agent. Decisions, quorum and the audit log name principals, never token names:
 * two tokens of one person are one vote.
 */
export const Principal = z.object({
  id: z.string(),
  name: z.string(),
  role: Role,
  email: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true })
})
export type Principal = z.infer<typeof Principal>

/** `"*"`: any workflow. Otherwise the workflows an agent token may propose into. */
export const WorkflowScope = z.union([z.literal("*"), z.array(WorkflowId).min(1).max(100)])
export type WorkflowScope = z.infer<typeof WorkflowScope>

/** A token as admins see it: never the secret (only its hash is stored). */
export const TokenInfo = z.object({
  id: z.string(),
  principalId: z.string(),
  role: Role,
  /** The token's own label (e.g. "laptop"); the principal's name is what decisions show. */
  name: z.string(),
  workflows: WorkflowScope,
  createdAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }).nullable(),
  revokedAt: z.iso.datetime({ offset: true }).nullable()
})
export type TokenInfo = z.infer<typeof TokenInfo>

const Email = z.email().max(320)
const Name = z.string().trim().min(1).max(200)

/** POST /v1/principals body (admin). */
export const PrincipalCreate = z.strictObject({ name: Name, role: Role, email: Email.optional() })
export type PrincipalCreate = z.infer<typeof PrincipalCreate>

/**
 * POST /v1/tokens body (admin): a token for an existing principal (`principalId`), or for a new
 * one (`principal: {name, role, email?}`). `workflows` scopes an agent token (default `"*"`).
 */
export const TokenCreate = z
  .strictObject({
    principalId: z.string().min(1).max(64).optional(),
    principal: PrincipalCreate.optional(),
    name: Name.optional(),
    workflows: WorkflowScope.optional(),
    expiresAt: z.iso.datetime({ offset: true }).optional()
  })
  .superRefine((body, ctx) => {
    if ((body.principalId === undefined) === (body.principal === undefined))
      ctx.addIssue({ code: "custom", path: ["principalId"], message: "give exactly one of principalId and principal" })
  })
export type TokenCreate = z.infer<typeof TokenCreate>

/** POST /v1/tokens → 201: the secret, shown this once. */
export const CreatedToken = z.object({ token: z.string(), info: TokenInfo, principal: Principal })
export type CreatedToken = z.infer<typeof CreatedToken>

/** GET /v1/tokens query. */
export const TokenListQuery = z.strictObject({ principalId: z.string().min(1).max(64).optional() })

/** GET /v1/principals → each principal with its tokens. */
export const PrincipalWithTokens = Principal.extend({ tokens: z.array(TokenInfo) })
export type PrincipalWithTokens = z.infer<typeof PrincipalWithTokens>
