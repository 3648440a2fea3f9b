/**
 * Schema of the `badges` collection. The rule lives once, in `shared/content/badges.ts` (the cloud
 * functions and the validator use the same one); this file is where ops tooling finds it.
 */
export { badgeSchema as schema, BADGE_FIELDS as fields, type BadgeDoc as Doc } from '../../shared/content/badges';
