/** Chinese names of what the ops figures are keyed by. */
import type { ContentCollection, TierId } from '@shared/content/ids';

export const TIER_LABELS: Record<TierId, string> = { basic: '基础层', advanced: '进阶层', core: '核心层' };

export { rejectionLabel } from '@shared/domain/inviteRejections';

/** A campaign's phase as ops see it on the campaign card. */
export const CAMPAIGN_PHASE_LABELS: Record<'preheat' | 'live' | 'recap' | 'over', string> = {
  preheat: '预热中',
  live: '进行中',
  recap: '回顾期',
  over: '已结束',
};

export const COLLECTION_LABELS: Record<ContentCollection, string> = {
  tiers: '会员等级',
  badges: '徽章',
  tree_nodes: '成长树节点',
  benefit_packs: '福利包',
  settings: '全局设置',
  staff: '员工',
  challenges: '组队挑战赛',
  campaigns: '会员活动',
  charity_projects: '公益项目',
  events: '线下活动',
};
