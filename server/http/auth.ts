import type { MiddlewareHandler } from "hono"
import type { Role } from "~src/domain"
import type { AppEnv } from "../app-env"
import { findCaller } from "../auth/tokens"
import { forbidden, unauthorized } from "./api-error"

const REFUSALS = { unknown: "invalid token", revoked: "token revoked", expired: "token expired" } as const

/**
 * Resolves `Authorization: Bearer so_…` to a caller, or answers 401: unknown, revoked and expired
 * tokens alike. Runs before the body is read (server/app.ts), so a stranger's request costs a
 * header and one indexed lookup, never a megabyte of body.
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header("authorization")
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i)
  if (!match) throw unauthorized("missing bearer token")
  const { services } = c.var
  const found = await findCaller(services.db, match[1]!, services.now())
  if ("refused" in found) throw unauthorized(REFUSALS[found.refused])
  c.set("caller", found.caller)
  await next()
}

/** Admins hold every reviewer right; agents hold only their own. */
const IMPLIED_BY: Record<Role, readonly Role[]> = {
  agent: ["agent"],
  reviewer: ["reviewer", "admin"],
  admin: ["admin"]
}

export const callerHasRole = (callerRole: Role, allowed: readonly Role[]): boolean => allowed.some((role) => IMPLIED_BY[role].includes(callerRole))

/** Route middleware: the caller needs one of `roles` (a reviewer route admits admins). */
export function allow(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const caller = c.var.caller
    if (!callerHasRole(caller.role, roles)) throw forbidden(`role '${caller.role}' may not do this (needs ${roles.join(" or ")})`)
    await next()
  }
}
