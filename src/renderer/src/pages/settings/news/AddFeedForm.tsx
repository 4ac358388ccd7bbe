import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { NewsFeedSchema } from '../../../../../shared/domain/agents/news'
import { feedIdFromUrl, guessFeedKind, type FeedKind, type FeedRow } from '../../../stores/news-feeds-form'

interface AddFeedFormProps {
  /** Ids of the rows already listed, so the new one gets its own. */
  takenIds: readonly string[]
  onAdd(row: Omit<FeedRow, 'key'>): void
}

/**
 * A new feed by its address: the format is guessed from it (and can be
 * changed), the id is made from the site's name. Adding is switching it on:
 * the trader asked for this feed. Nothing is stored until the list is saved.
 */
export function AddFeedForm({ takenIds, onAdd }: AddFeedFormProps): React.JSX.Element {
  const { t } = useTranslation()
  const id = useId()
  const [url, setUrl] = useState('')
  const [kind, setKind] = useState<FeedKind | null>(null)
  const [tried, setTried] = useState(false)
  const valid = NewsFeedSchema.shape.url.safeParse(url.trim()).success
  const shownKind = kind ?? guessFeedKind(url)

  const submit = (event: React.FormEvent): void => {
    event.preventDefault()
    setTried(true)
    if (!valid) return
    const address = url.trim()
    onAdd({ id: feedIdFromUrl(address, takenIds), kind: shownKind, url: address, enabled: true })
    setUrl('')
    setKind(null)
    setTried(false)
  }

  const problem = tried && !valid
  return (
    <form className="news-add" onSubmit={submit} data-testid="news-add-form">
      <div className="key-field news-add-url">
        <label htmlFor={`${id}-url`}>{t('newsSettings.newUrl')}</label>
        <input
          id={`${id}-url`}
          className="input"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder={t('newsSettings.newUrlPlaceholder')}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={problem ? true : undefined}
          data-testid="news-add-url"
        />
        <span className={problem ? 'news-problem' : 'field-hint'}>{problem ? t('newsSettings.problems.url') : t('newsSettings.idHint')}</span>
      </div>
      <div className="key-field">
        <label htmlFor={`${id}-kind`}>{t('newsSettings.columns.kind')}</label>
        <select id={`${id}-kind`} value={shownKind} onChange={(e) => setKind(e.target.value as FeedKind)} data-testid="news-add-kind">
          <option value="rss">{t('newsSettings.kinds.rss')}</option>
          <option value="json">{t('newsSettings.kinds.json')}</option>
        </select>
      </div>
      <button type="submit" className="btn btn-small news-add-button" data-testid="news-add">
        {t('newsSettings.add')}
      </button>
    </form>
  )
}
