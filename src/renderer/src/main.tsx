// The app-wide styles come first: a page's own CSS, imported by its
// components below, must come later in the cascade to refine them.
import './styles/theme.css'
import './styles/layout.css'
import './styles/components.css'
import './styles/controls.css'
import './styles/overlays.css'
import './styles/tables.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { connect } from './api/connect'
import { AppShell } from './app/AppShell'
import { applySettingsToDocument } from './app/apply-settings'
import { initI18n } from './i18n'
import { NoConnectionPage } from './pages/NoConnectionPage'

async function start(): Promise<void> {
  await initI18n()
  applySettingsToDocument()
  const connection = connect()
  createRoot(document.getElementById('root')!).render(
    <StrictMode>{connection.ok ? <AppShell /> : <NoConnectionPage reason={connection.reason} />}</StrictMode>,
  )
}

void start()
