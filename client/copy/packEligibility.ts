/**
 * What a pack card says when the member cannot redeem it. The rule (and the one reason) comes
 * from the server (`PackView.eligibility`, decided by `shared/domain/packEligibility`); this
 * only puts the reason and its detail into words.
 */
import { DEFAULT_TIER_NAMES, type LimitPeriod } from '@shared/content/ids';
import type { PackView } from '@shared/contracts/redeem';
import { formatDay, formatNumber, formatOpening } from '@/utils/format';

export interface PackAvailability {
  /** The button label: 立即兑换, 进阶层专享, 还差 20 积分… */
  action: string;
  /** A sentence for the card and the confirm sheet, '' when redeemable. */
  reason: string;
  redeemable: boolean;
}

const PERIOD_WORDS: Record<LimitPeriod, { scope: string; next: string }> = {
  day: { scope: '今日', next: '明天' },
  week: { scope: '本周', next: '下周一' },
  month: { scope: '本月', next: '下月' },
  campaign: { scope: '本次活动', next: '' },
};

/** `每月限兑 1 次`, `每人限兑 1 次`. */
export function limitText(pack: Pick<PackView, 'perMemberLimit' | 'limitPeriod'>): string {
  const per = { day: '每天', week: '每周', month: '每月', campaign: '每人' }[pack.limitPeriod];
  return `${per}限兑 ${pack.perMemberLimit} 次`;
}

/** `剩余 12 份` / `不限量` / `已兑完`. */
export function stockText(stockLeft: number | null): string {
  if (stockLeft === null) return '不限量';
  if (stockLeft <= 0) return '已兑完';
  return `剩余 ${formatNumber(stockLeft)} 份`;
}

/** The pack's condition as a tag: `成长树解锁`, `徽章专享`, `生日月专享`; '' for none. */
export function requiresText(pack: Pick<PackView, 'requires'>): string {
  const r = pack.requires;
  if (!r) return '';
  if (r.node) return '成长树解锁';
  if (r.badge) return '徽章专享';
  return r.birthdayMonth ? '生日月专享' : '';
}

export function packAvailability(pack: PackView, now: number = Date.now()): PackAvailability {
  const e = pack.eligibility;
  if (e.eligible) return { action: '立即兑换', reason: '', redeemable: true };
  const d = e.detail;
  switch (e.reason) {
    case 'TIER_TOO_LOW': {
      const tier = d.requiredTier ?? pack.minTier;
      const name = tier === pack.minTier && pack.minTierName ? pack.minTierName : DEFAULT_TIER_NAMES[tier];
      return { action: `${name}专享`, reason: `达到${name}即可兑换，多签到、多参与就能升级`, redeemable: false };
    }
    case 'NODE_REQUIRED': {
      const node = pack.requires?.node;
      return {
        action: '点亮节点后可兑',
        reason: node ? `点亮「${node.title}」节点后可兑换` : '点亮对应的成长树节点后可兑换',
        redeemable: false,
      };
    }
    case 'BADGE_REQUIRED': {
      const badge = pack.requires?.badge;
      return {
        action: '徽章专享',
        reason: badge ? `获得「${badge.name}」徽章后可兑换` : '获得对应的徽章后可兑换',
        redeemable: false,
      };
    }
    case 'NOT_BIRTHDAY_MONTH':
      return {
        action: '生日月专享',
        reason: d.birthdaySet ? '生日当月可兑换，到时记得来领' : '在「我的资料」填写生日后，生日当月可兑换',
        redeemable: false,
      };
    case 'INSUFFICIENT_POINTS': {
      const missing = d.missingPoints ?? 0;
      return {
        action: `还差 ${formatNumber(missing)} 积分`,
        reason: `积分还差 ${formatNumber(missing)}，坚持签到很快就够啦`,
        redeemable: false,
      };
    }
    case 'OUT_OF_STOCK':
      return { action: '已兑完', reason: '这份福利已经被领完了，下次早点来', redeemable: false };
    case 'LIMIT_REACHED': {
      const words = PERIOD_WORDS[d.period ?? pack.limitPeriod];
      if (!d.resetsAt) return { action: '已兑换', reason: `${limitText(pack)}，你已经兑换过了`, redeemable: false };
      return {
        action: `${words.scope}已兑`,
        reason: `${words.scope}已兑换 ${d.limit ?? pack.perMemberLimit} 次，${formatDay(d.resetsAt)}起可再兑换`,
        redeemable: false,
      };
    }
    case 'NOT_AVAILABLE_NOW': {
      if (d.opensAt) {
        const when = formatOpening(d.opensAt, now);
        return {
          action: `${when} 开放`,
          reason: `${pack.scheduleText ? `开放时间：${pack.scheduleText}。` : ''}下次开放：${when}`,
          redeemable: false,
        };
      }
      if (d.endedAt) return { action: '活动已结束', reason: '这份福利的活动已经结束了', redeemable: false };
      return { action: '暂未开放', reason: '这份福利暂时下架了', redeemable: false };
    }
  }
}
