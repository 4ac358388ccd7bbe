import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { NewPilotForm } from '../../stores/pilot-editor-create'
import type { PilotField } from '../../stores/pilot-editor-form'
import { usePilotEditorStore } from '../../stores/pilot-editor-store'
import { LoadError } from '../feed/LoadError'
import { PilotTextField } from './PilotTextField'

interface NewPilotFieldsProps {
  form: Pick<NewPilotForm, 'id' | 'venue' | 'startingBalance'>
  problem(field: PilotField): string | null
  onId(id: string): void
  onVenue(venue: string): void
  onStartingBalance(text: string): void
}

/** What only a new pilot is asked, since none of it can change later: its id, its venue and its paper account's deposit. */
export function NewPilotFields({ form, problem, onId, onVenue, onStartingBalance }: NewPilotFieldsProps): React.JSX.Element {
  const { t } = useTranslation()
  const venueId = useId()
  const venues = usePilotEditorStore((s) => s.venues)
  const venuesError = usePilotEditorStore((s) => s.venuesError)
  const venueProblem = problem('venue')
  const listed = venues?.some((v) => v.id === form.venue) ?? false

  return (
    <div className="pilot-settings-numbers pilot-settings-identity" data-testid="pilot-settings-identity">
      <PilotTextField label={t('pilotSettings.id')} value={form.id} onChange={onId} problem={problem('id')} hint={t('pilotSettings.idHint')} maxLength={60} testId="pilot-settings-id" />
      <div className="key-field">
        <label htmlFor={venueId}>{t('pilotSettings.venue')}</label>
        <select id={venueId} value={form.venue} onChange={(e) => onVenue(e.target.value)} aria-invalid={venueProblem ? true : undefined} data-testid="pilot-settings-venue">
          {!listed && <option value={form.venue}>{form.venue}</option>}
          {venues?.map((venue) => (
            <option key={venue.id} value={venue.id}>
              {venue.simulated ? t('pilotSettings.venueSimulated', { name: venue.name }) : venue.name}
            </option>
          ))}
        </select>
        {venuesError ? (
          <LoadError error={venuesError} text={t('pilotSettings.venuesFailed', { message: venuesError.message })} testId="pilot-settings-venues-error" />
        ) : venueProblem ? (
          <span className="pilot-settings-problem">{venueProblem}</span>
        ) : (
          <span className="field-hint">{venues ? t('pilotSettings.venueHint') : t('pilotSettings.venuesLoading')}</span>
        )}
      </div>
      <PilotTextField
        label={t('pilotSettings.startingBalance')}
        value={form.startingBalance}
        onChange={onStartingBalance}
        problem={problem('startingBalance')}
        hint={t('pilotSettings.startingBalanceHint')}
        inputMode="decimal"
        testId="pilot-settings-balance"
      />
    </div>
  )
}
