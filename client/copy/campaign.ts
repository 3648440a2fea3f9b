/** The words around campaigns: phases, countdowns, boosts, the recap. */
import type { CampaignView } from '@shared/contracts/member';
import type { ShownPhase } from '@shared/domain/campaigns';
import { formatDay } from '@/utils/format';

export const PHASE_LABELS: Record<ShownPhase, string> = { preheat: '预热中', live: '进行中', recap: '活动回顾' };

/** `2 倍`, `1.5 倍`. */
export function timesText(multiplier: number): string {
  return `${String(multiplier)} 倍`;
}

/** `签到积分 2 倍 · 成长值 1.5 倍` (a ×1 side left out); '' without a boost. */
export function boostText(boost: CampaignView['boost']): string {
  if (!boost) return '';
  const parts: string[] = [];
  if (boost.pointsMultiplier > 1) parts.push(`积分 ${timesText(boost.pointsMultiplier)}`);
  if (boost.growthMultiplier > 1) parts.push(`成长值 ${timesText(boost.growthMultiplier)}`);
  return parts.length ? `签到${parts.join(' · ')}` : '';
}

/** `消费积分 1.5 倍`; '' without a purchase boost. */
export function purchaseBoostText(boost: CampaignView['purchaseBoost']): string {
  return boost ? `消费积分 ${timesText(boost.pointsMultiplier)}` : '';
}

/** Every boost of a campaign in one line: `签到积分 2 倍 · 成长值 1.5 倍；消费积分 1.5 倍`. */
export function campaignBoostsText(c: Pick<CampaignView, 'boost' | 'purchaseBoost'>): string {
  return [boostText(c.boost), purchaseBoostText(c.purchaseBoost)].filter(Boolean).join('；');
}

/** A ledger entry's boost: `会员感恩季 · 积分 ×2 · 成长值 ×1.5`. */
export function boostLine(boost: { title: string; pointsMultiplier: number; growthMultiplier: number }): string {
  const parts = [boost.title];
  if (boost.pointsMultiplier > 1) parts.push(`积分 ×${String(boost.pointsMultiplier)}`);
  if (boost.growthMultiplier > 1) parts.push(`成长值 ×${String(boost.growthMultiplier)}`);
  return parts.join(' · ');
}

/** `11月23日–12月20日`: the live days (the end is exclusive). */
export function liveDatesText(c: Pick<CampaignView, 'startAt' | 'endAt'>): string {
  return `${formatDay(c.startAt)}–${formatDay(Date.parse(c.endAt) - 1)}`;
}

/** The banner's one line for each phase. */
export function phaseLine(c: CampaignView): string {
  switch (c.phase) {
    case 'preheat':
      return c.daysToStart > 0 ? `${c.daysToStart} 天后开始 · ${formatDay(c.startAt)}` : `今天 ${formatDay(c.startAt)} 开始`;
    case 'live':
      return c.daysLeft > 1 ? `还剩 ${c.daysLeft} 天` : '今天是最后一天';
    case 'recap':
      return `已结束 · ${liveDatesText(c)}`;
  }
}
