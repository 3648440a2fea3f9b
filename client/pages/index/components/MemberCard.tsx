import { View, Text } from '@tarojs/components';
import type { MemberSummary, PointsOutlook } from '@shared/contracts/member';
import { Avatar } from '@/components/Avatar';
import { ProgressBar } from '@/components/ProgressBar';
import { TierTag } from '@/components/TierTag';
import { debtText, expiringText, pendingText } from '@/copy/points';
import { go } from '@/routes';
import { tierColor, tierColors, tierSoftColors } from '@/styles/tokens';
import { cx } from '@/utils/cx';
import { formatDayString, formatNumber } from '@/utils/format';

export interface MemberCardProps {
  member: MemberSummary;
  badges: { earned: number; total: number };
  outlook: PointsOutlook;
}

/** Points the balance does not show, one line each: pending purchase points, a refund debt, expiring points. */
function PointsNotes({ outlook }: { outlook: PointsOutlook }) {
  const notes = [
    { key: 'pending', icon: '⏳', text: pendingText(outlook) },
    { key: 'debt', icon: '🧾', text: debtText(outlook) },
    { key: 'expiring', icon: '⏰', text: expiringText(outlook) },
  ].filter((n) => n.text);
  if (!notes.length) return null;
  return (
    <View className="home-card__notes" onClick={() => go('ledger')}>
      {notes.map((n) => (
        <Text key={n.key} className={`home-card__note home-card__note--${n.key}`}>
          {n.icon} {n.text}
        </Text>
      ))}
    </View>
  );
}

/** Who the member is, what they have, and how far the next tier is; the way to their 会员码. */
export function MemberCard({ member, badges, outlook }: MemberCardProps) {
  const color = tierColor(member.tier, member.tierColor);
  const next = member.nextTier;
  const warning = member.downgradeWarning;
  return (
    <View
      className={cx('home-card', member.features.includes('cardFrame') && 'home-card--framed')}
      style={{ background: `linear-gradient(160deg, ${tierSoftColors[member.tier]} 0%, #ffffff 62%)` }}
    >
      <View className="home-card__orb" style={{ background: color }} />
      <View className="home-card__top">
        <View className="home-card__who" onClick={() => go('profile')}>
          <Avatar src={member.avatarUrl} name={member.nickname} size="lg" ring />
          <View className="home-card__name-col">
            <Text className="home-card__name">{member.nickname}</Text>
            <View className="home-card__flags">
              <TierTag tier={member.tier} name={member.tierName} size="md" />
              {member.birthdayMonth ? <Text className="home-card__flag">🎂 生日月</Text> : null}
            </View>
          </View>
          <Text className="home-card__chevron">›</Text>
        </View>
        <View className="home-card__code" hoverClass="home-card__code--pressed" onClick={() => go('memberCode')}>
          <View className="home-card__code-icon">
            <View className="home-card__code-dot home-card__code-dot--a" />
            <View className="home-card__code-dot home-card__code-dot--b" />
            <View className="home-card__code-dot home-card__code-dot--c" />
          </View>
          <Text className="home-card__code-text">会员码</Text>
        </View>
      </View>

      <View className="home-card__stats">
        <View className="home-card__stat" onClick={() => go('ledger')}>
          <Text className="home-card__stat-value mc-num">{formatNumber(member.points)}</Text>
          <Text className="home-card__stat-label">积分 ›</Text>
        </View>
        <View className="home-card__divider" />
        <View className="home-card__stat" onClick={() => go('tree')}>
          <Text className="home-card__stat-value mc-num">{formatNumber(member.growth)}</Text>
          <Text className="home-card__stat-label">成长值</Text>
        </View>
        <View className="home-card__divider" />
        <View className="home-card__stat" onClick={() => go('badges')}>
          <Text className="home-card__stat-value mc-num">
            {badges.earned}
            <Text className="home-card__stat-total">/{badges.total}</Text>
          </Text>
          <Text className="home-card__stat-label">徽章</Text>
        </View>
      </View>

      <PointsNotes outlook={outlook} />

      <View className="home-card__tier" onClick={() => go('tiers')}>
        <View className="home-card__tier-row">
          <Text className="home-card__tier-title">
            近 {member.windowMonths} 个月成长值 <Text className="mc-num home-card__tier-strong">{formatNumber(member.windowGrowth)}</Text>
            {next ? <Text className="mc-num"> / {formatNumber(next.threshold)}</Text> : null}
          </Text>
          {next ? (
            <Text className="home-card__tier-next" style={{ color: tierColors[next.id] }}>
              {next.name}
            </Text>
          ) : null}
        </View>
        <ProgressBar value={member.tierProgress} color={next ? tierColors[next.id] : color} size="sm" />
        <Text className="home-card__tier-hint">
          {next
            ? `再获得 ${formatNumber(next.growthNeeded)} 成长值升级${next.name}`
            : `你已是最高等级「${member.tierName}」，保持活跃即可保级`}
          <Text className="home-card__tier-link">等级权益 ›</Text>
        </Text>
      </View>

      {warning ? (
        <View className="home-card__warning">
          <Text className="home-card__warning-title">等级变动提醒</Text>
          <Text className="home-card__warning-text">
            {`${formatDayString(warning.date)}起将有 ${formatNumber(warning.growthLeaving)} 成长值过期，等级会从${warning.fromTierName}降为${warning.toTierName}。`}
            {warning.growthToKeep > 0 ? `在此之前再获得 ${formatNumber(warning.growthToKeep)} 成长值即可保级。` : ''}
          </Text>
        </View>
      ) : null}
    </View>
  );
}
