import type { MiddlewareHandler } from "hono"
import type { Role } from "~src/domain"
import type { AppEnv } from "../app-env"
import { findCaller } from "../auth/tokens"
import { forbidden, unauthorized } from "./api-error"

/** Resolves `Authorization: Bearer so_…` to a caller, or answers 401. */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header("authorization")
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i)
  if (!match) throw unauthorized("missing bearer token")
  const caller = await findCaller(c.var.services.db, match[1]!)
  if (!caller) throw unauthorized("invalid token")
  c.set("caller", caller)
  await next()
}

/** Admins hold every reviewer right; agents hold only their own. */
const IMPLIED_BY: Record<Role, readonly Role[]> = {
  agent: ["agent"],
  reviewer: ["reviewer", "admin"],
  admin: ["admin"]
}

export const callerHasRole = (callerRole: Role, allowed: readonly Role[]): boolean =>
  allowed.some((role) => IMPLIED_BY[role].includes(callerRole))

/** Route middleware: the caller needs one of `roles` (a reviewer route admits admins). */
export function allow(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const caller = c.var.caller
    if (!callerHasRole(caller.role, roles))
      throw forbidden(`role '${caller.role}' may not do this (needs ${roles.join(" or ")})`)
    await next()
  }
}
