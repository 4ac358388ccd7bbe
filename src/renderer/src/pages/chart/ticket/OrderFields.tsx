import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { TimeInForceSchema } from '../../../../../shared/domain/order'
import type { Instrument } from '../../../../../shared/domain/market'
import { SegmentedControl } from '../../../components/SegmentedControl'
import { formatQuantity } from '../../../format/numbers'
import { setTicketField } from '../../../stores/ticket-store'
import { parseDecimal, type TicketField, type TicketForm } from '../../../trading/ticket-form'
import { NumberField } from './NumberField'

interface OrderFieldsProps {
  form: TicketForm
  instrument: Instrument | null
  problemFor(field: TicketField): string | null
  sizeUnit: string
}

/** Side, type, price, size and the order's options, laid out two to a row where they pair naturally. */
export function OrderFields({ form, instrument, problemFor, sizeUnit }: OrderFieldsProps): React.JSX.Element {
  const { t } = useTranslation()
  const tifId = useId()
  const expiryId = useId()
  const amount = parseDecimal(form.amount)
  const baseAmount = instrument && amount !== null && amount > 0 && instrument.type === 'swap' ? amount * instrument.contractSize : null
  const limit = form.type === 'limit'

  return (
    <>
      <SegmentedControl
        label={t('ticket.side')}
        className="tk-side"
        value={form.side}
        onChange={(side) => setTicketField('side', side)}
        options={[
          { value: 'buy', label: t('side.buy'), tone: 'on-buy' },
          { value: 'sell', label: t('side.sell'), tone: 'on-sell' },
        ]}
        testId="ticket-side"
      />
      <div className="tk-row">
        <SegmentedControl
          label={t('ticket.type')}
          value={form.type}
          onChange={(type) => setTicketField('type', type)}
          options={[
            { value: 'limit', label: t('orderType.limit') },
            { value: 'market', label: t('orderType.market') },
          ]}
          testId="ticket-type"
        />
        <select id={tifId} aria-label={t('ticket.tif')} title={t(`tif.${form.timeInForce}`)} value={form.timeInForce} onChange={(e) => setTicketField('timeInForce', TimeInForceSchema.parse(e.target.value))} data-testid="ticket-tif">
          {TimeInForceSchema.options.map((tif) => (
            <option key={tif} value={tif} title={t(`tif.${tif}`)}>
              {tif}
            </option>
          ))}
        </select>
      </div>
      {limit ? (
        <NumberField inline label={t('ticket.price')} value={form.price} onChange={(v) => setTicketField('price', v)} step={instrument?.tickSize} unit={instrument?.quote} problem={problemFor('price')} testId="ticket-price" />
      ) : (
        <div className="tk-field tk-inline">
          <span className="tk-label">{t('ticket.price')}</span>
          <div className="tk-static">{t('ticket.marketPrice')}</div>
        </div>
      )}
      <NumberField inline label={t('ticket.size')} value={form.amount} onChange={(v) => setTicketField('amount', v)} step={instrument?.stepSize} unit={sizeUnit} problem={problemFor('amount')} testId="ticket-size" />
      {instrument && (
        <p className="tk-hint" data-testid="ticket-size-hint">
          {baseAmount !== null && `≈ ${formatQuantity(baseAmount)} ${instrument.base} · `}
          {t('ticket.stepHint', { step: formatQuantity(instrument.stepSize), min: formatQuantity(instrument.minSize) })}
        </p>
      )}
      <div className="tk-row tk-pair">
        <NumberField label={t('ticket.leverage')} value={form.leverage} onChange={(v) => setTicketField('leverage', v)} step={1} unit="×" placeholder={t('ticket.leverageDefault')} problem={problemFor('leverage')} testId="ticket-leverage" />
        <NumberField label={t('ticket.ttl')} value={form.ttlSeconds} onChange={(v) => setTicketField('ttlSeconds', v)} step={1} unit="s" problem={problemFor('ttlSeconds')} testId="ticket-ttl" />
      </div>
      <div className="tk-row tk-pair">
        <NumberField label={t('ticket.stopLoss')} value={form.stopLoss} onChange={(v) => setTicketField('stopLoss', v)} step={instrument?.tickSize} placeholder={t('ticket.optional')} problem={problemFor('stopLoss')} testId="ticket-stop-loss" />
        <NumberField label={t('ticket.takeProfit')} value={form.takeProfit} onChange={(v) => setTicketField('takeProfit', v)} step={instrument?.tickSize} placeholder={t('ticket.optional')} problem={problemFor('takeProfit')} testId="ticket-take-profit" />
      </div>
      <div className="tk-flags">
        <label className="tk-check" title={t('ticket.postOnlyHint')}>
          <input type="checkbox" checked={limit && form.postOnly} disabled={!limit} onChange={(e) => setTicketField('postOnly', e.target.checked)} data-testid="ticket-post-only" />
          {t('ticket.postOnly')}
        </label>
        <label className="tk-check" title={t('ticket.reduceOnlyHint')}>
          <input type="checkbox" checked={form.reduceOnly} onChange={(e) => setTicketField('reduceOnly', e.target.checked)} data-testid="ticket-reduce-only" />
          {t('ticket.reduceOnly')}
        </label>
        <select id={expiryId} aria-label={t('ticket.atExpiry')} title={t('ticket.atExpiry')} value={form.partialFillPolicy} onChange={(e) => setTicketField('partialFillPolicy', e.target.value === 'keep_rest' ? 'keep_rest' : 'cancel_rest')} data-testid="ticket-expiry-policy">
          <option value="cancel_rest">{t('ticket.cancelRest')}</option>
          <option value="keep_rest">{t('ticket.keepRest')}</option>
        </select>
      </div>
    </>
  )
}
