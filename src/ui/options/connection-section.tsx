import { useQueryClient, useMutation } from "@tanstack/react-query"
import { useEffect, useId, useState, type FormEvent } from "react"
import { maskedToken } from "./masked-token"
import { useSettings } from "~src/ui/background-queries"
import { useSaveSettings } from "./use-settings"
import { serverUrlProblem } from "~src/domain/account"
import { errorText, queryKeys, useAsk } from "~src/ui/query-client"

const originOf = (url: string | undefined): string | null => {
  try {
    return url ? new URL(url).origin : null
  } catch {
    return null
  }
}

/**
 * Server URL + API token. The labels "Server URL", "API token" and the "Save" button are a UI
 * contract (e2e tests and admins' deployment scripts fill them by name).
 */
export function ConnectionSection() {
  const ask = useAsk()
  const client = useQueryClient()
  const settings = useSettings()
  const save = useSaveSettings()
  const [serverUrl, setServerUrl] = useState("")
  const [token, setToken] = useState("")
  const [formError, setFormError] = useState<string | null>(null)
  const ids = { url: useId(), token: useId(), tokenHelp: useId() }

  // Fill the URL once from storage; afterwards the input belongs to the admin.
  const storedUrl = settings.data?.serverUrl
  useEffect(() => {
    if (storedUrl !== undefined) setServerUrl((current) => current || storedUrl)
  }, [storedUrl])

  const testConnection = useMutation({
    mutationFn: () => ask({ type: "me.get" }),
    onSuccess: (me) => client.setQueryData(queryKeys.me, me)
  })

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    const url = serverUrl.trim()
    const problem = serverUrlProblem(url)
    if (problem) {
      setFormError(problem)
      return
    }
    if (!token.trim() && !settings.data?.hasToken) {
      setFormError("Enter the API token an admin created for you")
      return
    }
    // The stored token never goes to another server: moving asks for the token again.
    if (!token.trim() && originOf(url) !== originOf(settings.data?.serverUrl)) {
      setFormError("This is another server: enter its API token (the stored one is only ever sent to the server it was saved for)")
      return
    }
    setFormError(null)
    testConnection.reset()
    save.mutate(
      { serverUrl: url, ...(token.trim() ? { token: token.trim() } : {}) },
      // The token is write-only: once stored it is never shown again, only its hint.
      { onSuccess: () => setToken("") }
    )
  }

  const hasToken = settings.data?.hasToken ?? false
  return (
    <section aria-labelledby="connection-heading" className="card">
      <h2 id="connection-heading">Connection</h2>
      <form onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor={ids.url}>Server URL</label>
          <input
            id={ids.url}
            type="url"
            inputMode="url"
            autoComplete="url"
            placeholder="https://signoff.example.com"
            value={serverUrl}
            onChange={(e) => setServerUrl(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.token}>API token</label>
          <input
            id={ids.token}
            type="password"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={ids.tokenHelp}
            placeholder={hasToken ? maskedToken(settings.data?.tokenHint ?? null) : ""}
            value={token}
            onChange={(e) => setToken(e.target.value)}
          />
          <p id={ids.tokenHelp} className="hint">
            {hasToken
              ? `Stored token: ${maskedToken(settings.data?.tokenHint ?? null)}. Leave empty to keep it.`
              : "No token stored. It is kept only in this extension's storage."}
          </p>
        </div>
        <div className="actions">
          <button type="submit" disabled={save.isPending}>
            Save
          </button>
          <button type="button" className="secondary" disabled={testConnection.isPending} onClick={() => testConnection.mutate()}>
            Test connection
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite" className="status-line">
        {save.isSuccess && !formError && <p>Saved. Token {maskedToken(save.data.tokenHint)}</p>}
        {testConnection.isPending && <p>Testing…</p>}
        {testConnection.isSuccess && (
          <p>
            Connected as <strong>{testConnection.data.name}</strong> · role <strong>{testConnection.data.role}</strong>
          </p>
        )}
      </div>
      {(formError || save.isError || testConnection.isError || settings.isError) && (
        <p role="alert" className="error">
          {formError ??
            (save.isError
              ? `Could not save: ${errorText(save.error)}`
              : testConnection.isError
                ? `Connection failed: ${errorText(testConnection.error)}`
                : `Could not read settings: ${errorText(settings.error)}`)}
        </p>
      )}
    </section>
  )
}
