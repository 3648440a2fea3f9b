/**
 * Ops-edited content: one zod schema per collection (with bilingual field docs), the parser
 * that skips broken documents, and the cross-document validator.
 */
export * from './ids';
export * from './fieldDoc';
export * from './problems';
export * from './messages';
export { tierSchema, TIER_FIELDS, type TierDoc, type EntryReward } from './tiers';
export { badgeSchema, badgeRuleSchema, BADGE_FIELDS, type BadgeDoc, type BadgeRule } from './badges';
export { treeNodeSchema, TREE_NODE_FIELDS, NODE_METRICS, type TreeNodeDoc, type NodeUnlocks } from './treeNodes';
export {
  benefitPackSchema,
  scheduleSchema,
  hhmmToMinute,
  BENEFIT_PACK_FIELDS,
  type BenefitPackDoc,
  type PackSchedule,
  type PackRequires,
} from './benefitPacks';
export { campaignSchema, CAMPAIGN_FIELDS, type CampaignDoc, type CampaignBoost } from './campaigns';
export { charityProjectSchema, CHARITY_PROJECT_FIELDS, type CharityProjectDoc } from './charityProjects';
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
export { challengeSchema, CHALLENGE_FIELDS, type ChallengeDoc } from './challenges';
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
