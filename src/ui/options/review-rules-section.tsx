import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useId, useState, type FormEvent } from "react"
import { CHANGE_KINDS } from "~src/domain/changes"
import { Platform } from "~src/domain/platform"
import { ReviewRuleBody, type ReviewRule } from "~src/domain/review-rules"
import type { Workflow } from "~src/domain/workflow"
import { platformLabel } from "~src/platforms"
import { errorText, queryKeys, useAsk } from "~src/ui/query-client"
import { adminGate } from "./admin-gate"
import { apiCall } from "./api-call"
import { describeMatch, emptyRuleDraft, ruleDraftOf, ruleFromDraft, type RuleDraft } from "./rule-draft"
import { useMe, useWorkflows } from "~src/ui/background-queries"

/**
 * Review rules: conditions that hold a proposal for a person whatever the workflow's model, the
 * agent's confidence or its flags ("when a new edge case emerges, you add a rule"). The server
 * applies them on every proposal; each add, change and removal is in the audit log.
 */
export function ReviewRulesSection() {
  const workflows = useWorkflows()
  const gate = adminGate(useMe())
  return (
    <section aria-labelledby="rules-heading" className="card">
      <h2 id="rules-heading">Review rules</h2>
      <p className="hint">A proposal that matches any rule of its workflow waits for a person, whatever the workflow's model or the agent's confidence.</p>
      {!gate.canEdit && <p className="readonly-note">{gate.reason}</p>}
      {workflows.isError && (
        <p role="alert" className="error">
          Could not load workflows: {errorText(workflows.error)}
        </p>
      )}
      {workflows.data?.map((w) => (
        <WorkflowRules key={w.id} workflow={w} canEdit={gate.canEdit} />
      ))}
    </section>
  )
}

function WorkflowRules({ workflow, canEdit }: { workflow: Workflow; canEdit: boolean }) {
  const ask = useAsk()
  const client = useQueryClient()
  const [editing, setEditing] = useState<RuleDraft | null>(null)
  const rules = workflow.reviewRules ?? []
  const path = (ruleId: string) => `/v1/workflows/${encodeURIComponent(workflow.id)}/rules/${encodeURIComponent(ruleId)}`
  const refresh = () => void client.invalidateQueries({ queryKey: queryKeys.workflows })
  const save = useMutation({
    mutationFn: (rule: ReviewRule) => apiCall(ask, "PUT", path(rule.id), ReviewRuleBody.parse({ description: rule.description, match: rule.match })),
    onSuccess: () => {
      setEditing(null)
      refresh()
    }
  })
  const remove = useMutation({ mutationFn: (ruleId: string) => apiCall(ask, "DELETE", path(ruleId)), onSettled: refresh })
  const headingId = useId()

  return (
    <div className="workflow-rules" role="group" aria-labelledby={headingId}>
      <h3 id={headingId}>{workflow.name}</h3>
      {rules.length === 0 ? (
        <p className="hint">No rules: the {workflow.model} model alone decides.</p>
      ) : (
        <ul className="plain" aria-label={`Review rules of ${workflow.name}`}>
          {rules.map((rule) => (
            <li key={rule.id}>
              <span>
                <strong>{rule.description}</strong>{" "}
                <span className="hint">
                  ({rule.id}): {describeMatch(rule.match)}
                </span>
              </span>
              {canEdit && (
                <span className="actions">
                  <button type="button" className="secondary" aria-label={`Edit rule ${rule.description}`} onClick={() => setEditing(ruleDraftOf(rule))}>
                    Edit
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`Remove rule ${rule.description}`}
                    disabled={remove.isPending}
                    onClick={() => remove.mutate(rule.id)}
                  >
                    Remove
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && !editing && (
        <button type="button" className="secondary" onClick={() => setEditing(emptyRuleDraft())}>
          Add a rule to {workflow.name}
        </button>
      )}
      {editing && (
        <RuleForm
          draft={editing}
          existingIds={rules.map((r) => r.id)}
          pending={save.isPending}
          onSave={(rule) => save.mutate(rule)}
          onCancel={() => setEditing(null)}
        />
      )}
      {(save.isError || remove.isError) && (
        <p role="alert" className="error">
          Could not change the rule: {errorText(save.error ?? remove.error)}
        </p>
      )}
    </div>
  )
}

function RuleForm({
  draft: initial,
  existingIds,
  pending,
  onSave,
  onCancel
}: {
  draft: RuleDraft
  existingIds: string[]
  pending: boolean
  onSave: (rule: ReviewRule) => void
  onCancel: () => void
}) {
  const id = useId()
  const [draft, setDraft] = useState(initial)
  const [invalid, setInvalid] = useState<string | null>(null)
  const set = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => setDraft((d) => ({ ...d, [key]: value }))
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value])

  function submit(event: FormEvent) {
    event.preventDefault()
    const result = ruleFromDraft(draft, initial.id ? [] : existingIds)
    if (!result.ok) return setInvalid(result.message)
    setInvalid(null)
    onSave(result.rule)
  }

  return (
    <form onSubmit={submit} noValidate aria-label={initial.id ? `Edit rule ${initial.description}` : "New review rule"} className="dialog">
      <div className="field">
        <label htmlFor={`${id}-description`}>Description</label>
        <input
          id={`${id}-description`}
          type="text"
          value={draft.description}
          onChange={(e) => set("description", e.target.value)}
          placeholder="Bulk writes over 10,000 records"
        />
      </div>
      <fieldset>
        <legend>Change kinds (none = any)</legend>
        {CHANGE_KINDS.map((kind) => (
          <label key={kind} className="field-inline">
            <input type="checkbox" checked={draft.changeKinds.includes(kind)} onChange={() => set("changeKinds", toggle(draft.changeKinds, kind))} /> {kind}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Platforms (none = any)</legend>
        {Platform.options.map((platform) => (
          <label key={platform} className="field-inline">
            <input type="checkbox" checked={draft.platforms.includes(platform)} onChange={() => set("platforms", toggle(draft.platforms, platform))} />{" "}
            {platformLabel(platform)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-fields`}>Fields touched (comma-separated, empty = any)</label>
        <input id={`${id}-fields`} type="text" value={draft.fields} onChange={(e) => set("fields", e.target.value)} placeholder="email, hs_legal_basis" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-records`}>At least this many records (bulk)</label>
        <input id={`${id}-records`} type="number" min={0} value={draft.minRecords} onChange={(e) => set("minRecords", e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-segment`}>A segment at least this large</label>
        <input id={`${id}-segment`} type="number" min={0} value={draft.minSegmentSize} onChange={(e) => set("minSegmentSize", e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-mql`}>An expected MQL shift of at least (%, up or down)</label>
        <input id={`${id}-mql`} type="number" min={0} value={draft.minMqlShiftPct} onChange={(e) => set("minMqlShiftPct", e.target.value)} />
      </div>
      {invalid && (
        <p role="alert" className="error">
          {invalid}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={pending}>
          Save rule
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
