import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useId, useState, type FormEvent } from "react"
import { z } from "zod"
import { CreatedToken, PrincipalWithTokens, type TokenCreate, type TokenInfo } from "~src/domain/principal"
import { Role } from "~src/domain/decision"
import { errorText, useAsk } from "~src/ui/query-client"
import { adminGate } from "./admin-gate"
import { apiCall, apiGetJson } from "./api-call"
import { expiryFromNow, parseWorkflowScope } from "./token-form"
import { useMe } from "~src/ui/background-queries"

const TEAM_KEY = ["team"] as const

const ROLE_LABELS: Record<Role, string> = { admin: "Admin", reviewer: "Reviewer", agent: "Agent" }

/**
 * People and agents (principals) and their tokens: who may review, administer or propose. Quorum
 * counts principals, so a person with two tokens is one vote. Admins add tokens (for a new
 * principal or another device of an existing one), scope agent tokens to workflows, set expiry
 * and revoke; every change is in the audit log. A new token is shown once, here, and never again.
 */
export function TeamSection() {
  const ask = useAsk()
  const client = useQueryClient()
  const gate = adminGate(useMe())
  const team = useQuery({
    queryKey: TEAM_KEY,
    queryFn: () => apiGetJson(ask, "/v1/principals", z.array(PrincipalWithTokens)),
    enabled: gate.canEdit
  })
  const [created, setCreated] = useState<CreatedToken | null>(null)
  const [confirmRevoke, setConfirmRevoke] = useState<TokenInfo | null>(null)

  const create = useMutation({
    mutationFn: async (body: TokenCreate) => CreatedToken.parse(await apiCall(ask, "POST", "/v1/tokens", body)),
    onSuccess: (token) => {
      setCreated(token)
      void client.invalidateQueries({ queryKey: TEAM_KEY })
    }
  })
  const revoke = useMutation({
    mutationFn: (token: TokenInfo) => apiCall(ask, "POST", `/v1/tokens/${encodeURIComponent(token.id)}/revoke`, {}),
    onSettled: () => {
      setConfirmRevoke(null)
      void client.invalidateQueries({ queryKey: TEAM_KEY })
    }
  })

  return (
    <section aria-labelledby="team-heading" className="card">
      <h2 id="team-heading">Team &amp; tokens</h2>
      <p className="hint">
        Decisions, quorum and the audit log count people (principals), not tokens: two tokens of one person are one vote. Agent tokens can be limited to
        workflows.
      </p>
      {!gate.canEdit && <p className="readonly-note">{gate.reason ?? "Only admins manage people and tokens."}</p>}
      {gate.canEdit && (
        <>
          {team.isPending && <p role="status">Loading the team…</p>}
          {team.isError && (
            <p role="alert" className="error">
              Could not load the team: {errorText(team.error)}
            </p>
          )}
          {team.data && (
            <table aria-label="People, agents and their tokens">
              <thead>
                <tr>
                  <th scope="col">Principal</th>
                  <th scope="col">Role</th>
                  <th scope="col">Token</th>
                  <th scope="col">Workflows</th>
                  <th scope="col">Expires</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {team.data.flatMap((principal) =>
                  (principal.tokens.length ? principal.tokens : [null]).map((token, i) => (
                    <tr key={token?.id ?? principal.id}>
                      {i === 0 ? (
                        <th scope="row" rowSpan={Math.max(1, principal.tokens.length)}>
                          {principal.name}
                          {principal.email && <div className="hint">{principal.email}</div>}
                        </th>
                      ) : null}
                      {i === 0 ? <td rowSpan={Math.max(1, principal.tokens.length)}>{ROLE_LABELS[principal.role]}</td> : null}
                      <td>{token ? token.name : <span className="hint">no token</span>}</td>
                      <td>{token ? (token.workflows === "*" ? "any" : token.workflows.join(", ")) : ""}</td>
                      <td>{token ? tokenState(token) : ""}</td>
                      <td>
                        {token && !token.revokedAt && (
                          <button
                            type="button"
                            className="secondary"
                            onClick={() => setConfirmRevoke(token)}
                            aria-label={`Revoke ${principal.name}'s token ${token.name}`}
                          >
                            Revoke
                          </button>
                        )}
                      </td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          )}
          {confirmRevoke && (
            <div role="alertdialog" aria-labelledby="revoke-title" className="dialog">
              <p id="revoke-title">
                Revoke the token “{confirmRevoke.name}”? Requests with it are refused (401) from now on; decisions made with it stay in the log.
              </p>
              <div className="actions">
                <button type="button" className="danger" disabled={revoke.isPending} onClick={() => revoke.mutate(confirmRevoke)}>
                  Revoke token
                </button>
                <button type="button" className="secondary" onClick={() => setConfirmRevoke(null)}>
                  Keep it
                </button>
              </div>
            </div>
          )}
          {revoke.isError && (
            <p role="alert" className="error">
              Could not revoke: {errorText(revoke.error)}
            </p>
          )}
          <NewTokenForm principals={team.data ?? []} pending={create.isPending} onCreate={(body) => create.mutate(body)} />
          {create.isError && (
            <p role="alert" className="error">
              Could not create the token: {errorText(create.error)}
            </p>
          )}
          {created && (
            <div className="dialog" role="status" aria-labelledby="new-token-title">
              <p id="new-token-title">
                <strong>
                  New token for {created.principal.name} ({ROLE_LABELS[created.principal.role]})
                </strong>
                : copy it now, it is not shown again.
              </p>
              <input type="text" readOnly value={created.token} aria-label="The new token" onFocus={(e) => e.currentTarget.select()} />
              <div className="actions">
                <button type="button" className="secondary" onClick={() => void navigator.clipboard?.writeText(created.token)}>
                  Copy token
                </button>
                <button type="button" className="secondary" onClick={() => setCreated(null)}>
                  Done
                </button>
              </div>
            </div>
          )}
        </>
      )}
    </section>
  )
}

function tokenState(token: TokenInfo): string {
  if (token.revokedAt) return `revoked ${token.revokedAt.slice(0, 10)}`
  if (!token.expiresAt) return "never"
  return Date.parse(token.expiresAt) <= Date.now() ? `expired ${token.expiresAt.slice(0, 10)}` : token.expiresAt.slice(0, 10)
}

/** A token for a new principal, or another one for an existing principal. */
function NewTokenForm({ principals, pending, onCreate }: { principals: PrincipalWithTokens[]; pending: boolean; onCreate: (body: TokenCreate) => void }) {
  const id = useId()
  const [owner, setOwner] = useState("new")
  const [name, setName] = useState("")
  const [email, setEmail] = useState("")
  const [role, setRole] = useState<Role>("reviewer")
  const [label, setLabel] = useState("")
  const [workflows, setWorkflows] = useState("*")
  const [expiresInDays, setExpiresInDays] = useState("")
  const [invalid, setInvalid] = useState<string | null>(null)
  const existing = principals.find((p) => p.id === owner)
  const effectiveRole = existing?.role ?? role

  function submit(event: FormEvent) {
    event.preventDefault()
    const scope = parseWorkflowScope(workflows)
    if (effectiveRole === "agent" && !scope.ok) return setInvalid(scope.message)
    const expiresAt = expiryFromNow(expiresInDays, new Date())
    if (expiresAt === undefined && expiresInDays.trim() !== "") return setInvalid("Expiry is a number of days, e.g. 30, or empty for never")
    if (!existing && !name.trim()) return setInvalid("Name the person or agent")
    setInvalid(null)
    onCreate({
      ...(existing ? { principalId: existing.id } : { principal: { name: name.trim(), role, ...(email.trim() ? { email: email.trim() } : {}) } }),
      ...(label.trim() ? { name: label.trim() } : {}),
      ...(effectiveRole === "agent" && scope.ok ? { workflows: scope.scope } : {}),
      ...(expiresAt ? { expiresAt } : {})
    })
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Add a token</h3>
      <div className="field">
        <label htmlFor={`${id}-owner`}>For</label>
        <select id={`${id}-owner`} value={owner} onChange={(e) => setOwner(e.target.value)}>
          <option value="new">A new person or agent</option>
          {principals.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({ROLE_LABELS[p.role]}) — another token
            </option>
          ))}
        </select>
      </div>
      {!existing && (
        <>
          <div className="field">
            <label htmlFor={`${id}-name`}>Name</label>
            <input id={`${id}-name`} type="text" value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-email`}>Email (optional)</label>
            <input id={`${id}-email`} type="text" value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-role`}>Role</label>
            <select id={`${id}-role`} value={role} onChange={(e) => setRole(Role.parse(e.target.value))}>
              {Role.options.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      <div className="field">
        <label htmlFor={`${id}-label`}>Token label (optional)</label>
        <input id={`${id}-label`} type="text" placeholder="laptop, ci, …" value={label} onChange={(e) => setLabel(e.target.value)} />
      </div>
      {effectiveRole === "agent" && (
        <div className="field">
          <label htmlFor={`${id}-workflows`}>Workflows it may propose into</label>
          <input
            id={`${id}-workflows`}
            type="text"
            value={workflows}
            onChange={(e) => setWorkflows(e.target.value)}
            aria-describedby={`${id}-workflows-hint`}
          />
          <p className="hint" id={`${id}-workflows-hint`}>
            Comma-separated workflow ids, or * for any. A proposal outside them is refused (403 out_of_scope).
          </p>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-expires`}>Expires after (days, empty = never)</label>
        <input id={`${id}-expires`} type="number" min={1} value={expiresInDays} onChange={(e) => setExpiresInDays(e.target.value)} />
      </div>
      {invalid && (
        <p role="alert" className="error">
          {invalid}
        </p>
      )}
      <button type="submit" disabled={pending}>
        Create token
      </button>
    </form>
  )
}
