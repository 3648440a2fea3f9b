/**
 * Limits of the ops actions, free of any dependency: the dashboard (a weapp subpackage) imports
 * them at runtime without pulling zod into its bundle.
 */

/** The longest range `ops.stats` aggregates in one call (keeps the pipelines bounded). */
export const STATS_MAX_DAYS = 92;
