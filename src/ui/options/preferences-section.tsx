import { useEffect, useId, useState, type FormEvent } from "react"
import { errorText } from "~src/ui/query-client"
import { useSettings } from "~src/ui/background-queries"
import { useSaveSettings } from "./use-settings"

/** Bounds of the settings.save message (background alarms fire at most every 30 s). */
const MIN_INTERVAL = 0.5
const MAX_INTERVAL = 60

/** Notifications (off by default) and how often the background syncs. Local to this browser. */
export function PreferencesSection() {
  const settings = useSettings()
  const save = useSaveSettings()
  const [notifications, setNotifications] = useState(false)
  const [interval, setIntervalText] = useState("")
  const id = useId()

  useEffect(() => {
    if (!settings.data) return
    setNotifications(settings.data.notifications)
    setIntervalText(String(settings.data.syncIntervalMinutes))
  }, [settings.data])

  const minutes = Number(interval)
  const intervalValid = interval !== "" && minutes >= MIN_INTERVAL && minutes <= MAX_INTERVAL
  // settings.save needs the server URL; preferences wait until a server is set.
  const serverUrl = settings.data?.serverUrl ?? ""

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    if (!intervalValid || !serverUrl) return
    save.mutate({ serverUrl, notifications, syncIntervalMinutes: minutes })
  }

  return (
    <section aria-labelledby="prefs-heading" className="card">
      <h2 id="prefs-heading">Notifications and sync</h2>
      <form onSubmit={onSubmit} noValidate>
        <div className="field-inline">
          <input id={`${id}-notify`} type="checkbox" checked={notifications} onChange={(e) => setNotifications(e.target.checked)} />
          <label htmlFor={`${id}-notify`}>Desktop notifications for new high-risk proposals</label>
        </div>
        <div className="field-inline">
          <label htmlFor={`${id}-interval`}>Sync every (minutes)</label>
          <input
            id={`${id}-interval`}
            type="number"
            min={MIN_INTERVAL}
            max={MAX_INTERVAL}
            step={0.5}
            aria-invalid={!intervalValid}
            value={interval}
            onChange={(e) => setIntervalText(e.target.value)}
          />
        </div>
        <button type="submit" disabled={!serverUrl || !intervalValid || save.isPending}>
          Update preferences
        </button>
        {!serverUrl && settings.isSuccess && <p className="hint">Set the server URL under Connection first.</p>}
        {!intervalValid && interval !== "" && (
          <p className="error">
            Choose between {MIN_INTERVAL} and {MAX_INTERVAL} minutes.
          </p>
        )}
      </form>
      <div role="status" aria-live="polite" className="status-line">
        {save.isSuccess && <p>Preferences updated.</p>}
      </div>
      {save.isError && (
        <p role="alert" className="error">
          Could not update: {errorText(save.error)}
        </p>
      )}
    </section>
  )
}
