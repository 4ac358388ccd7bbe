export type * from './clock'
export type * from './logger'
export type * from './store'
