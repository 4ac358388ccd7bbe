export { createIndicatorEngine } from './indicator-engine'
