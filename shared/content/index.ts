/**
 * Ops-edited content: one zod schema per collection (with bilingual field docs), the parser
 * that skips broken documents, and the cross-document validator.
 */
export * from './ids';
export * from './fieldDoc';
export * from './problems';
export * from './messages';
export { tierSchema, TIER_FIELDS, type TierDoc } from './tiers';
export { badgeSchema, badgeRuleSchema, BADGE_FIELDS, type BadgeDoc, type BadgeRule } from './badges';
export { treeNodeSchema, TREE_NODE_FIELDS, type TreeNodeDoc } from './treeNodes';
export {
  benefitPackSchema,
  scheduleSchema,
  hhmmToMinute,
  BENEFIT_PACK_FIELDS,
  type BenefitPackDoc,
  type PackSchedule,
} from './benefitPacks';
export {
  settingsSchema,
  SETTINGS_FIELDS,
  DEFAULT_SETTINGS,
  PURCHASE_ROUNDINGS,
  type SettingsDoc,
  type StreakBonus,
  type PurchaseSettings,
  type PurchaseRounding,
} from './settings';
export { eventSchema, EVENT_FIELDS, type EventDoc } from './events';
export { staffSchema, STAFF_FIELDS, type StaffDoc } from './staff';
export { CONTENT_SCHEMAS, FIELD_DOCS, COLLECTION_NAMES, type ContentDocs, type ContentSchema } from './collections';
export { parseContent, type ParsedContent } from './parseContent';
export { parseContentInstant, instantField } from './instant';
export { unknownKeys, editDistance } from './unknownKeys';
export {
  validateProgram,
  crossCheck,
  packsOverlap,
  type Program,
  type ProgramReport,
  type RawProgram,
  type ValidateOptions,
} from './validateProgram';
