/** The tier page's words: where the member stands against a tier, its entry reward. */
import { tierRank } from '@shared/content/ids';
import type { MemberSummary, TierInfo } from '@shared/contracts/member';
import { formatNumber } from '@/utils/format';

/** `100 积分 + 「健康福利包」券一张`, '' when none. */
export function entryRewardText(reward: TierInfo['entryReward']): string {
  if (!reward) return '';
  return [reward.points ? `${formatNumber(reward.points)} 积分` : '', reward.packTitle ? `「${reward.packTitle}」券一张` : '']
    .filter(Boolean)
    .join(' + ');
}

/**
 * Where the member stands against a tier: kept (and what keeps it), to reach (how far), or
 * passed. `progress` (0…1) toward a tier above, null otherwise.
 */
export function tierStanding(
  tier: TierInfo,
  member: Pick<MemberSummary, 'tier' | 'windowGrowth'>,
  months: number,
): { text: string; progress: number | null } {
  const mine = tierRank(member.tier);
  const rank = tierRank(tier.id);
  if (rank === mine) {
    return {
      text: tier.threshold > 0 ? `保级：近 ${months} 个月成长值保持在 ${formatNumber(tier.threshold)} 以上` : '所有会员都在这一层',
      progress: null,
    };
  }
  if (rank < mine) return { text: '已拥有这一层的全部权益', progress: null };
  const missing = Math.max(0, tier.threshold - member.windowGrowth);
  return {
    text: `还差 ${formatNumber(missing)} 成长值`,
    progress: tier.threshold > 0 ? Math.min(1, member.windowGrowth / tier.threshold) : 1,
  };
}
