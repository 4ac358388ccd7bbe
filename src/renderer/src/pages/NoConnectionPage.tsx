import { useTranslation } from 'react-i18next'
import { BrandMark } from '../components/BrandMark'

/**
 * Shown instead of the app when no transport exists: neither the Electron
 * preload object nor a headless token in the URL. Tells the trader exactly how
 * to get a working address instead of showing a dead UI.
 */
export function NoConnectionPage({ reason }: { reason: string }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <div className="no-connection">
      <section className="card no-connection-card" data-testid="no-connection" aria-labelledby="no-connection-title">
        <div className="brand">
          <BrandMark />
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <h1 id="no-connection-title">{t('noConnection.title')}</h1>
        <p>{t('noConnection.intro')}</p>
        <ol className="steps">
          <li>
            {t('noConnection.step1')}
            <pre className="code">npm run serve</pre>
          </li>
          <li>
            {t('noConnection.step2')}
            <pre className="code">READY http://127.0.0.1:PORT/?token=…</pre>
          </li>
          <li>{t('noConnection.step3')}</li>
        </ol>
        <p className="muted">{t('noConnection.desktop')}</p>
        <details className="detail">
          <summary>{t('noConnection.detail')}</summary>
          <pre className="code">{reason}</pre>
        </details>
      </section>
    </div>
  )
}
