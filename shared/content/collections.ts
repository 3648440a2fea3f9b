import type { z } from 'zod';
import { BADGE_FIELDS, badgeSchema, type BadgeDoc } from './badges';
import { BENEFIT_PACK_FIELDS, benefitPackSchema, type BenefitPackDoc } from './benefitPacks';
import { CHALLENGE_FIELDS, challengeSchema, type ChallengeDoc } from './challenges';
import { CAMPAIGN_FIELDS, campaignSchema, type CampaignDoc } from './campaigns';
import { CHARITY_PROJECT_FIELDS, charityProjectSchema, type CharityProjectDoc } from './charityProjects';
import { EVENT_FIELDS, eventSchema, type EventDoc } from './events';
import type { FieldDocs } from './fieldDoc';
import type { ContentCollection } from './ids';
import { SETTINGS_FIELDS, settingsSchema, type SettingsDoc } from './settings';
import { STAFF_FIELDS, staffSchema, type StaffDoc } from './staff';
import { TIER_FIELDS, tierSchema, type TierDoc } from './tiers';
import { TREE_NODE_FIELDS, treeNodeSchema, type TreeNodeDoc } from './treeNodes';

/** The parsed document type of each collection. */
export interface ContentDocs {
  tiers: TierDoc;
  badges: BadgeDoc;
  tree_nodes: TreeNodeDoc;
  benefit_packs: BenefitPackDoc;
  settings: SettingsDoc;
  staff: StaffDoc;
  challenges: ChallengeDoc;
  campaigns: CampaignDoc;
  charity_projects: CharityProjectDoc;
  events: EventDoc;
}

export type ContentSchema<C extends ContentCollection> = z.ZodType<ContentDocs[C], z.ZodTypeDef, unknown>;

export const CONTENT_SCHEMAS: { [C in ContentCollection]: ContentSchema<C> } = {
  tiers: tierSchema,
  badges: badgeSchema,
  tree_nodes: treeNodeSchema,
  benefit_packs: benefitPackSchema,
  settings: settingsSchema,
  staff: staffSchema,
  challenges: challengeSchema,
  campaigns: campaignSchema,
  charity_projects: charityProjectSchema,
  events: eventSchema,
};

export const FIELD_DOCS: Record<ContentCollection, FieldDocs> = {
  tiers: TIER_FIELDS,
  badges: BADGE_FIELDS,
  tree_nodes: TREE_NODE_FIELDS,
  benefit_packs: BENEFIT_PACK_FIELDS,
  settings: SETTINGS_FIELDS,
  staff: STAFF_FIELDS,
  challenges: CHALLENGE_FIELDS,
  campaigns: CAMPAIGN_FIELDS,
  charity_projects: CHARITY_PROJECT_FIELDS,
  events: EVENT_FIELDS,
};

export const COLLECTION_NAMES: Record<ContentCollection, { zh: string; en: string }> = {
  tiers: { zh: '会员等级', en: 'Tiers' },
  badges: { zh: '徽章', en: 'Badges' },
  tree_nodes: { zh: '成长树节点', en: 'Growth tree nodes' },
  benefit_packs: { zh: '福利包', en: 'Benefit packs' },
  settings: { zh: '全局设置', en: 'Settings' },
  staff: { zh: '员工', en: 'Staff' },
  challenges: { zh: '组队挑战赛', en: 'Team challenges' },
  campaigns: { zh: '会员活动', en: 'Campaigns' },
  charity_projects: { zh: '公益项目', en: 'Charity projects' },
  events: { zh: '线下活动', en: 'Offline events' },
};
