import { useId, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import { DecisionOutcomeSchema } from '../../../../shared/domain/agents/decision'
import { ROLE_IDS, type RoleId } from '../../../../shared/domain/agents/roles'
import { SegmentedControl } from '../../components/SegmentedControl'
import { usePilotsStore } from '../../stores/arena-pilots-store'
import { hasActiveFilters, TIME_RANGES, type FeedFilters as Filters } from '../../stores/feed-state'
import { resetFeedFilters, setFeedFilters, useFeedStore } from '../../stores/feed-store'

const OUTCOMES = DecisionOutcomeSchema.options

/** Every symbol a pilot trades or a shown decision looked at, sorted: the choices of the symbol filter. */
function useSymbolChoices(selected: string): string[] {
  const fromPilots = usePilotsStore(useShallow((s) => Object.values(s.statuses ?? {}).flatMap((p) => p.config.symbols)))
  const fromItems = useFeedStore(useShallow((s) => s.items.flatMap((i) => i.symbols)))
  return useMemo(() => [...new Set([...fromPilots, ...fromItems, ...(selected ? [selected] : [])])].sort(), [fromPilots, fromItems, selected])
}

/** Pilot, role, symbol, outcome, time range and full text: each change asks the kernel again (text after a pause in typing). */
export function FeedFilters(): React.JSX.Element {
  const { t } = useTranslation()
  const id = useId()
  const filters = useFeedStore((s) => s.filters)
  const statuses = usePilotsStore((s) => s.statuses)
  const symbols = useSymbolChoices(filters.symbol)
  const pilotChoices = useMemo(() => {
    const list = Object.values(statuses ?? {})
      .map((p) => ({ id: p.config.id, name: p.config.name }))
      .sort((a, b) => a.name.localeCompare(b.name))
    // A pilot linked from the Arena may not be listed yet: keep it selectable.
    if (filters.pilotId && !list.some((p) => p.id === filters.pilotId)) list.push({ id: filters.pilotId, name: filters.pilotId })
    return list
  }, [statuses, filters.pilotId])

  return (
    <div className="feed-filters card" role="search" aria-label={t('feed.filters.label')} data-testid="feed-filters">
      <label className="feed-filter" htmlFor={`${id}-pilot`}>
        <span className="feed-filter-label">{t('feed.filters.pilot')}</span>
        <select id={`${id}-pilot`} value={filters.pilotId} onChange={(e) => setFeedFilters({ pilotId: e.target.value })} data-testid="feed-filter-pilot">
          <option value="">{t('feed.filters.anyPilot')}</option>
          {pilotChoices.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="feed-filter" htmlFor={`${id}-role`}>
        <span className="feed-filter-label">{t('feed.filters.role')}</span>
        <select id={`${id}-role`} value={filters.role} onChange={(e) => setFeedFilters({ role: e.target.value as RoleId | '' })} data-testid="feed-filter-role">
          <option value="">{t('feed.filters.anyRole')}</option>
          {ROLE_IDS.map((role) => (
            <option key={role} value={role}>
              {t(`agentRoles.${role}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="feed-filter" htmlFor={`${id}-symbol`}>
        <span className="feed-filter-label">{t('feed.filters.symbol')}</span>
        <select id={`${id}-symbol`} value={filters.symbol} onChange={(e) => setFeedFilters({ symbol: e.target.value })} data-testid="feed-filter-symbol">
          <option value="">{t('feed.filters.anySymbol')}</option>
          {symbols.map((symbol) => (
            <option key={symbol} value={symbol}>
              {symbol}
            </option>
          ))}
        </select>
      </label>
      <label className="feed-filter" htmlFor={`${id}-outcome`}>
        <span className="feed-filter-label">{t('feed.filters.outcome')}</span>
        <select
          id={`${id}-outcome`}
          value={filters.outcome}
          onChange={(e) => setFeedFilters({ outcome: e.target.value as Filters['outcome'] })}
          data-testid="feed-filter-outcome"
        >
          <option value="">{t('feed.filters.anyOutcome')}</option>
          {OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`feed.outcome.${outcome}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="feed-filter">
        <span className="feed-filter-label">{t('feed.filters.range')}</span>
        <SegmentedControl
          label={t('feed.filters.range')}
          value={filters.range}
          options={TIME_RANGES.map((range) => ({ value: range, label: t(`feed.range.${range}`) }))}
          onChange={(range) => setFeedFilters({ range })}
          testId="feed-filter-range"
        />
      </div>
      <label className="feed-filter feed-search" htmlFor={`${id}-text`}>
        <span className="feed-filter-label">{t('feed.filters.search')}</span>
        <input
          id={`${id}-text`}
          className="input"
          type="search"
          value={filters.text}
          maxLength={200}
          placeholder={t('feed.filters.searchPlaceholder')}
          onChange={(e) => setFeedFilters({ text: e.target.value })}
          data-testid="feed-search"
        />
      </label>
      <button type="button" className="btn btn-small feed-clear" disabled={!hasActiveFilters(filters) && filters.text === ''} onClick={resetFeedFilters} data-testid="feed-filter-clear">
        {t('feed.filters.clear')}
      </button>
    </div>
  )
}
