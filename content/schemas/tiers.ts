/**
 * Schema of the `tiers` collection. The rule lives once, in `shared/content/tiers.ts` (the cloud
 * functions and the validator use the same one); this file is where ops tooling finds it.
 */
export { tierSchema as schema, TIER_FIELDS as fields, type TierDoc as Doc } from '../../shared/content/tiers';
