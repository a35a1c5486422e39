/** The reaction panel lives in components/reaction/, split by part; this path is kept for the dashboard's import. */
export { DEFAULT_REACTION_EVENT_ID, ReactionPanel, type ReactionPanelProps } from './reaction/reaction-panel'
