import 'server-only'

export { createYahooProvider, DEFAULT_YAHOO_TIMEOUT_MS, type YahooProviderOptions } from './client'
