/**
 * Schema of the `benefit_packs` collection. The rule lives once, in `shared/content/benefitPacks.ts` (the cloud
 * functions and the validator use the same one); this file is where ops tooling finds it.
 */
export { benefitPackSchema as schema, BENEFIT_PACK_FIELDS as fields, type BenefitPackDoc as Doc } from '../../shared/content/benefitPacks';
