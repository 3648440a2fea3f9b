import { TIER_IDS, type TierId } from '../content/ids';
import { CAMPAIGN_FIGURES, type OpsStatsData } from '../contracts/ops';
import { rejectionLabel } from './inviteRejections';

/**
 * The dashboard's figures for a range as one CSV file (`ops.export`) that Excel and WPS open
 * with the Chinese intact: UTF-8 with a byte-order mark, CRLF line ends, every field that needs it
 * quoted (RFC 4180). One section per dashboard card, each a small table under its title, with the
 * same names and the same figures as the dashboard.
 */

/** Excel reads a UTF-8 file as UTF-8 only when it starts with this mark. */
export const CSV_BOM = '\uFEFF';

type Cell = string | number | null;

/** One field: quoted when it holds a comma, a quote or a line break; quotes doubled; null empty. */
export function csvField(value: Cell): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Text someone typed (a nickname, a pack title): one starting with = + - @ or a tab would be run as
 * a formula by Excel, so a leading apostrophe keeps it text.
 */
export function userText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvLine(cells: readonly Cell[]): string {
  return cells.map(csvField).join(',');
}

/** A share 0…1 as `42.5%`; null (not over yet / nothing to divide) as empty. */
function share(value: number | null): string | null {
  return value === null || !Number.isFinite(value) ? null : `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
}

/** Members back within 24 h ÷ messages sent (empty when none was sent). */
function returnShare(r: { sent: number; returned: number }): string | null {
  return r.sent === 0 ? null : share(r.returned / r.sent);
}

/** Fen as a plain yuan figure (`1234.50`): a number Excel can sum, not a formatted price. */
function yuanFigure(fen: number): string {
  return (fen / 100).toFixed(2);
}

function mean(values: ReadonlyArray<number | null>): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? present.reduce((s, v) => s + v, 0) / present.length : null;
}

/** The table rows (title rows, headers, figures, blank separators) of a range's figures. */
export function statsRows(stats: OpsStatsData, tierNames: Record<TierId, string>): Cell[][] {
  const cohortShare = (key: 'd1' | 'd7') => stats.retention.map((r) => (r.cohort > 0 ? r[key] : null));
  const newMembers = stats.newMembers.reduce((s, d) => s + d.count, 0);
  const byDay = new Map(stats.newMembers.map((d) => [d.date, d.count]));
  const retention = new Map(stats.retention.map((r) => [r.date, r]));
  const rows: Cell[][] = [
    ['会员中心运营数据'],
    ['区间', `${stats.from} 至 ${stats.to}`],
    ['统计于', stats.asOf],
    [],
    ['概览'],
    ['指标', '数值', '说明'],
    ['活跃会员', stats.activeMembers, `${stats.activeFrom} 至 ${stats.to} 有签到`],
    ['新会员', newMembers, '所选区间'],
    ['兑换次数', stats.redemptions.total, '所选区间'],
    ['平均次日留存', share(mean(cohortShare('d1'))), '当天签到者次日回来的比例'],
    ['平均 7 日留存', share(mean(cohortShare('d7'))), '当天签到者第 7 日回来的比例'],
    ['K 因子', stats.invites.kFactor.toFixed(2), '区间内激活的好友 ÷ 区间内签到过的会员'],
    [],
    ['每日数据'],
    ['日期', '签到人数（DAU）', '新会员', '次日留存', '7 日留存'],
    ...stats.dau.map((d) => {
      const r = retention.get(d.date);
      const cohort = r !== undefined && r.cohort > 0;
      return [d.date, d.count, byDay.get(d.date) ?? 0, cohort ? share(r.d1) : null, cohort ? share(r.d7) : null];
    }),
    [],
    ['积分'],
    ['发放', '兑换消耗', '退回', '运营扣回', '过期'],
    [stats.points.issued, stats.points.spent, stats.points.refunded, stats.points.corrected, stats.points.expired],
    [],
    ['消费（品牌系统上报的订单与退款）'],
    ['订单', '实付金额（元）', '发放积分', '待到账积分（今天仍在冻结）', '退款', '退款金额（元）', '退款扣回积分', '其中欠分'],
    [
      stats.purchases.orders,
      yuanFigure(stats.purchases.amount),
      stats.purchases.pointsIssued,
      stats.purchases.pointsPending,
      stats.purchases.refunds,
      yuanFigure(stats.purchases.refundedAmount),
      stats.purchases.pointsReversed,
      stats.purchases.pointsDebt,
    ],
    [],
    ['兑换（按福利包等级）'],
    ['等级', '兑换次数'],
    ...TIER_IDS.map((t) => [tierNames[t], stats.redemptions.byTier[t]]),
    [],
    ['兑换（按福利包）'],
    ['福利包', '等级', '兑换次数'],
    ...stats.redemptions.byPack.map((p) => [userText(p.title), tierNames[p.minTier], p.count]),
    [],
    ['等级覆盖率'],
    ['等级', '达到该等级及以上的活跃会员', '覆盖率', '目标'],
    ...stats.coverage.map((c) => [tierNames[c.tier], c.members, `${c.coverage}%`, `${c.target}%`]),
    [],
    ['福利渗透率'],
    ['等级', '活跃会员', '兑换过本层福利', '渗透率'],
    ...stats.penetration.map((p) => [tierNames[p.tier], p.activeMembers, p.redeemers, share(p.rate)]),
    [],
    ['邀请'],
    ['新生成邀请卡', '好友绑定', '好友激活', '发放奖励', '区间内签到会员', 'K 因子'],
    [
      stats.invites.cards,
      stats.invites.binds,
      stats.invites.activations,
      stats.invites.rewards,
      stats.invites.activeMembersInRange,
      stats.invites.kFactor.toFixed(2),
    ],
    [],
    ['绑定被拒原因'],
    ['原因', '次数'],
    ...Object.entries(stats.invites.rejections).map(([reason, n]) => [rejectionLabel(reason), n]),
    [],
    ['KOC 候选（累计激活好友最多的会员）'],
    ['昵称', '等级', '邀请好友', '已激活', '激活率'],
    ...stats.koc.map((k) => [userText(k.nickname) || '未设置昵称', tierNames[k.tier], k.invited, k.activated, share(k.activationRate)]),
    [],
    ['消息提醒（订阅消息）'],
    ['用途', '发出', '24 小时内回访', '回访率'],
    ...[...stats.reminders.byPurpose, { name: '合计', ...stats.reminders }].map((p) => [p.name, p.sent, p.returned, returnShare(p)]),
  ];
  const campaign = stats.campaign;
  if (campaign && campaign.phase !== 'preheat') {
    rows.push(
      [],
      [`活动效果 · ${campaign.title}`],
      ['指标', `活动期 ${campaign.during.from} 至 ${campaign.during.to}`, `之前 ${campaign.before.from} 至 ${campaign.before.to}`, '变化'],
      ...CAMPAIGN_FIGURES.map(([key, label]) => [
        label,
        campaign.during.figures[key],
        campaign.before.figures[key],
        campaign.lift[key] === null ? null : `${(campaign.lift[key] ?? 0) > 0 ? '+' : ''}${share(campaign.lift[key])}`,
      ]),
    );
  }
  return rows;
}

/** The whole file: BOM, one line per row, CRLF. */
export function statsCsv(stats: OpsStatsData, tierNames: Record<TierId, string>): { text: string; rows: number } {
  const rows = statsRows(stats, tierNames);
  return { text: CSV_BOM + rows.map(csvLine).join('\r\n') + '\r\n', rows: rows.length };
}

/** `会员中心数据_2026-10-01_至_2026-10-31.csv`. */
export function exportFileName(from: string, to: string): string {
  return `会员中心数据_${from}_至_${to}.csv`;
}
