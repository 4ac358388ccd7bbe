import pkg from '../../../package.json'

/** The version shipped in package.json, baked in at build time. */
export const APP_VERSION: string = pkg.version
export const APP_NAME: string = pkg.name
export const APP_PRODUCT_NAME: string = pkg.productName
