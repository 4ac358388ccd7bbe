import 'i18next'
import type { en } from './en'

// Typed keys: a misspelt key or one missing from en.json fails `tsc`.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof en }
  }
}
