import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { VenueStatus } from '../../../../../shared/contract/domains/market'
import type { ContractError } from '../../../../../shared/contract/envelope'
import { AccountIdSchema } from '../../../../../shared/domain/account'
import { getClient } from '../../../api/client'
import { InlineError } from '../../../components/InlineError'
import { SegmentedControl } from '../../../components/SegmentedControl'
import { createAccount } from '../../../stores/accounts-store'
import { useConnectionStore } from '../../../stores/connection-store'
import { parseDecimal } from '../../../trading/ticket-form'

const DEFAULT_BALANCE = '10000'

/** A new paper or live account on one of the kernel's venues. A live account starts with live trading off. */
export function CreateAccountForm(): React.JSX.Element {
  const { t } = useTranslation()
  const ids = { id: useId(), name: useId(), venue: useId(), balance: useId() }
  const [venues, setVenues] = useState<VenueStatus[] | null>(null)
  const [venuesError, setVenuesError] = useState<ContractError | null>(null)
  const [id, setId] = useState('')
  const [name, setName] = useState('')
  const [venue, setVenue] = useState('')
  const [mode, setMode] = useState<'paper' | 'live'>('paper')
  const [balance, setBalance] = useState(DEFAULT_BALANCE)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ContractError | null>(null)
  const [created, setCreated] = useState<string | null>(null)

  // Asked once the kernel is reachable: a call made before the socket opens fails at once.
  const connected = useConnectionStore((s) => s.state === 'open')
  useEffect(() => {
    if (!connected) return
    void getClient()
      .callEnvelope('market.listVenues')
      .then((envelope) => {
        setVenues(envelope.ok ? envelope.value : null)
        setVenuesError(envelope.ok ? null : envelope.error)
      })
  }, [connected])

  const chosenVenue = venue || venues?.[0]?.id || ''
  const amount = parseDecimal(balance)
  const problems = {
    id: id !== '' && !AccountIdSchema.safeParse(id).success ? t('exchanges.create.idRule') : null,
    name: name.length > 80 ? t('exchanges.create.nameRule') : null,
    balance: mode === 'paper' && !(amount !== null && amount > 0 && amount <= 1e9) ? t('exchanges.create.balanceRule') : null,
  }
  const ready = id !== '' && name.trim() !== '' && chosenVenue !== '' && !problems.id && !problems.name && !problems.balance

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault()
    if (!ready) return
    setBusy(true)
    setError(null)
    setCreated(null)
    const failure = await createAccount({ id, name: name.trim(), venue: chosenVenue, mode, startingBalance: mode === 'paper' ? (amount ?? undefined) : undefined })
    setBusy(false)
    if (failure) return setError(failure)
    setCreated(id)
    setId('')
    setName('')
  }

  return (
    <form className="create-form" onSubmit={(e) => void submit(e)} data-testid="create-account-form">
      <div className="key-field">
        <label htmlFor={ids.id}>{t('exchanges.create.id')}</label>
        <input id={ids.id} className="input" value={id} onChange={(e) => setId(e.target.value)} autoComplete="off" spellCheck={false} placeholder="paper-main" aria-invalid={problems.id ? true : undefined} data-testid="create-id" />
        <span className={problems.id ? 'risk-issue' : 'field-hint'}>{problems.id ?? t('exchanges.create.idHint')}</span>
      </div>
      <div className="key-field">
        <label htmlFor={ids.name}>{t('exchanges.create.name')}</label>
        <input id={ids.name} className="input" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" maxLength={80} data-testid="create-name" />
      </div>
      <div className="key-field">
        <label htmlFor={ids.venue}>{t('exchanges.create.venue')}</label>
        <select id={ids.venue} value={chosenVenue} disabled={!venues?.length} onChange={(e) => setVenue(e.target.value)} data-testid="create-venue">
          {venues?.map((v) => (
            <option key={v.id} value={v.id}>
              {v.simulated ? t('chart.simulatorName') : v.name}
            </option>
          ))}
        </select>
        {venuesError && <span className="risk-issue">{venuesError.message}</span>}
      </div>
      <div className="key-field">
        <span className="key-label">{t('exchanges.create.mode')}</span>
        <SegmentedControl
          label={t('exchanges.create.mode')}
          value={mode}
          onChange={(value) => setMode(value)}
          options={[
            { value: 'paper', label: t('mode.paper') },
            { value: 'live', label: t('mode.live'), tone: 'on-sell' },
          ]}
          testId="create-mode"
        />
        <span className="field-hint">{t(mode === 'paper' ? 'exchanges.create.paperHint' : 'exchanges.create.liveHint')}</span>
      </div>
      {mode === 'paper' && (
        <div className="key-field">
          <label htmlFor={ids.balance}>{t('exchanges.create.balance')}</label>
          <input id={ids.balance} className="input" value={balance} inputMode="decimal" onChange={(e) => setBalance(e.target.value)} aria-invalid={problems.balance ? true : undefined} data-testid="create-balance" />
          {problems.balance && <span className="risk-issue">{problems.balance}</span>}
        </div>
      )}
      <div className="key-form-actions">
        {created && (
          <span className="tone-up" role="status">
            {t('exchanges.create.created', { id: created })}
          </span>
        )}
        <button type="submit" className="btn btn-primary" disabled={!ready || busy} data-testid="create-submit">
          {busy ? t('exchanges.create.creating') : t('exchanges.create.submit')}
        </button>
      </div>
      {error && <InlineError error={error} prefix={t('exchanges.create.failed')} testId="create-error" />}
    </form>
  )
}
