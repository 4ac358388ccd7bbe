import { useEffect, useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import type { ContractError } from '../../../../shared/contract/envelope'
import type { PilotStatus } from '../../../../shared/domain/agents/pilot'
import { InlineError } from '../../components/InlineError'
import { Modal } from '../../components/Modal'
import { usePilotsStore } from '../../stores/arena-pilots-store'
import { loadProviders, useModelsStore } from '../../stores/models-store'
import { changeNewPilotVenue, defaultVenue, editNewPilotId, newPilotForm, newPilotFromForm, renameNewPilot, type NewPilotContext, type NewPilotForm } from '../../stores/pilot-editor-create'
import { formFromPilot, patchFromForm, type PilotField, type PilotForm, type PilotProblems } from '../../stores/pilot-editor-form'
import { closePilotSettings, createPilot, loadPilotVenues, loadVenueMarkets, savePilotSettings, usePilotEditorStore } from '../../stores/pilot-editor-store'
import { NewPilotFields } from './NewPilotFields'
import { PilotFields } from './PilotFields'
import { RemovePilotDialog } from './RemovePilotDialog'
import './pilot-settings.css'

/** Editing an existing pilot (`pilots.update`) or creating one (`pilots.create`). */
export type PilotDialogMode = { kind: 'edit'; status: PilotStatus } | { kind: 'create' }

/** What the form becomes, whichever the mode: its problems, whether it may be sent, and the call that sends it. */
interface Built {
  problems: PilotProblems
  ready: boolean
  /** An edit that changes nothing is not worth a call; a new pilot always is. */
  changed: boolean
  /** Resolves with the kernel's refusal, or null when done. */
  send(): Promise<ContractError | null>
}

function build(mode: PilotDialogMode, form: NewPilotForm, context: NewPilotContext): Built {
  if (mode.kind === 'edit') {
    const { patch, problems, changed } = patchFromForm(form, mode.status.config, context.providers)
    return { problems, ready: patch !== null && changed, changed, send: async () => (patch ? savePilotSettings(mode.status.config.id, patch) : null) }
  }
  const { pilot, problems } = newPilotFromForm(form, context)
  return {
    problems,
    ready: pilot !== null,
    changed: true,
    send: async () => {
      if (!pilot) return null
      const result = await createPilot(pilot)
      return result.ok ? null : result.error
    },
  }
}

/** One form state for both modes: an existing pilot's id and venue are shown nowhere and sent nowhere. */
function initialForm(mode: PilotDialogMode, venues: readonly string[] | null): NewPilotForm {
  if (mode.kind === 'create') return newPilotForm(defaultVenue(venues))
  const { config } = mode.status
  return { ...formFromPilot(config), id: config.id, idEdited: true, venue: config.venue, startingBalance: '' }
}

/** A new pilot starts without a name, an id or a symbol: saying so before the trader has typed anything would only be noise. */
const UNTOUCHED_AT_START: readonly PilotField[] = ['name', 'id', 'symbols']

/**
 * The pilot settings dialog. Editing, the patch carries only what changed;
 * creating, the same fields plus the id, venue and deposit make the new
 * pilot. Either is checked here against the contract's schemas first;
 * whatever the kernel still refuses is shown as it says it.
 */
export function PilotSettingsDialog({ mode }: { mode: PilotDialogMode }): React.JSX.Element {
  const { t } = useTranslation()
  const formId = useId()
  const creating = mode.kind === 'create'
  const editing = mode.kind === 'edit' ? mode.status : null
  const venueList = usePilotEditorStore((s) => s.venues)
  const venues = useMemo(() => venueList?.map((v) => v.id) ?? null, [venueList])
  const [form, setForm] = useState<NewPilotForm>(() => initialForm(mode, venues))
  const [untouched, setUntouched] = useState<ReadonlySet<PilotField>>(() => new Set(creating ? UNTOUCHED_AT_START : []))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ContractError | null>(null)
  const [removing, setRemoving] = useState(false)
  const providers = useModelsStore((s) => s.providers)
  const taken = usePilotsStore(useShallow((s) => Object.keys(s.statuses ?? {})))

  useEffect(() => {
    void loadProviders()
    if (creating) void loadPilotVenues()
  }, [creating])
  useEffect(() => void loadVenueMarkets(form.venue), [form.venue])

  const known = useMemo(() => providers?.map((p) => p.provider) ?? null, [providers])
  const built = useMemo(() => build(mode, form, { providers: known, venues, taken }), [mode, form, known, venues, taken])
  const problemCount = Object.keys(built.problems.fields).length + Object.keys(built.problems.roles).length

  const touch = (...fields: PilotField[]): void => {
    setUntouched((before) => (fields.some((f) => before.has(f)) ? new Set([...before].filter((f) => !fields.includes(f))) : before))
    setError(null)
  }
  const update = (patch: Partial<PilotForm>): void => {
    setForm((f) => (creating && patch.name !== undefined ? renameNewPilot({ ...f, ...patch }, patch.name, taken) : { ...f, ...patch }))
    touch(...(Object.keys(patch) as PilotField[]), ...(patch.name !== undefined ? (['id'] as const) : []))
  }
  const problem = (field: PilotField): string | null => {
    const found = built.problems.fields[field]
    return found && !untouched.has(field) ? t(`pilotSettings.problems.${found}`) : null
  }
  const close = busy ? undefined : closePilotSettings

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault()
    if (busy) return
    // Pressing Create on an unfinished form shows every problem at once.
    if (!built.ready) return void setUntouched(new Set())
    setBusy(true)
    setError(null)
    const refusal = await built.send()
    setBusy(false)
    if (refusal) setError(refusal)
    else closePilotSettings()
  }

  const status = creating
    ? problemCount > 0
      ? t('pilotSettings.createInvalid', { count: problemCount })
      : t('pilotSettings.createReady', { name: form.name.trim(), venue: form.venue, symbols: form.symbols.join(', ') })
    : problemCount > 0
      ? t('pilotSettings.invalid', { count: problemCount })
      : !built.changed
        ? t('pilotSettings.unchanged')
        : t('pilotSettings.intro')

  return (
    <Modal
      title={editing ? t('pilotSettings.title', { name: editing.config.name }) : t('pilotSettings.createTitle')}
      onClose={close}
      wide
      testId="pilot-settings"
      footer={
        <>
          {editing && (
            <button type="button" className="btn pilot-remove-open" title={t('pilotSettings.removeHint')} onClick={() => setRemoving(true)} disabled={busy} data-testid="pilot-remove-open">
              {t('pilotSettings.remove')}
            </button>
          )}
          <span className="pilot-settings-status" role="status" data-testid="pilot-settings-status">
            {status}
          </span>
          <button type="button" className="btn" onClick={closePilotSettings} disabled={busy}>
            {t('common.cancel')}
          </button>
          {/* Creating, the button stays pressable: pressing it on an unfinished form points at what is missing. */}
          <button type="submit" form={formId} className="btn btn-primary" disabled={busy || (!creating && !built.ready)} data-testid="pilot-settings-save">
            {creating ? (busy ? t('pilotSettings.creating') : t('pilotSettings.create')) : busy ? t('pilotSettings.saving') : t('pilotSettings.save')}
          </button>
        </>
      }
    >
      <form id={formId} className="pilot-settings" onSubmit={(e) => void submit(e)} data-pilot={editing?.config.id} data-mode={mode.kind} noValidate>
        {creating && (
          <>
            <p className="notice pilot-settings-notice" data-testid="pilot-settings-create-intro">
              {t('pilotSettings.createIntro')}
            </p>
            <NewPilotFields
              form={form}
              problem={problem}
              onId={(id) => {
                setForm((f) => editNewPilotId(f, id))
                touch('id')
              }}
              onVenue={(venue) => {
                setForm((f) => changeNewPilotVenue(f, venue))
                touch('venue')
              }}
              onStartingBalance={(startingBalance) => {
                setForm((f) => ({ ...f, startingBalance }))
                touch('startingBalance')
              }}
            />
          </>
        )}
        <PilotFields form={form} venue={form.venue} problems={built.problems} problem={problem} update={update} spentToday={editing?.spentToday ?? null} />
        {error && <InlineError error={error} prefix={creating ? t('pilotSettings.createFailed') : t('pilotSettings.saveFailed')} testId="pilot-settings-error" />}
      </form>
      {removing && editing && <RemovePilotDialog config={editing.config} onClose={() => setRemoving(false)} />}
    </Modal>
  )
}
