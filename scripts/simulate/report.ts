import { TIER_IDS, type TierId } from '../../shared/content/ids';
import { PERSONA_NAMES, type PersonaKind } from './personas';
import type { SimulationProgress, SimulationReport } from './run';

/** The simulator's terminal output: a progress bar while it runs, a summary table at the end. */

const TIER_NAMES: Record<TierId, string> = { basic: '基础层', advanced: '进阶层', core: '核心层' };

export function progressBar(p: SimulationProgress, width = 30): string {
  const done = Math.round((p.day / p.days) * width);
  const rate = p.elapsedMs > 0 ? (p.calls / p.elapsedMs) * 1000 : 0;
  return `[${'█'.repeat(done)}${'░'.repeat(width - done)}] 第 ${p.day}/${p.days} 天 ${p.date} · ${p.calls} 次调用 · ${rate.toFixed(0)} 次/秒`;
}

/** Display width of a cell: CJK characters take two columns in a terminal. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(text: string, to: number): string {
  return text + ' '.repeat(Math.max(0, to - width(text)));
}

export function table(rows: Array<[string, string]>): string[] {
  const left = Math.max(...rows.map(([k]) => width(k)));
  const right = Math.max(...rows.map(([, v]) => width(v)));
  const line = `+${'-'.repeat(left + 2)}+${'-'.repeat(right + 2)}+`;
  return [line, ...rows.map(([k, v]) => (k === '' && v === '' ? line : `| ${pad(k, left)} | ${pad(v, right)} |`)), line];
}

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

export function summaryRows(r: SimulationReport): Array<[string, string]> {
  const s = r.stats;
  const rows: Array<[string, string]> = [
    ['模拟区间 Range', `${r.from} 至 ${r.to}（${r.days} 天，种子 ${r.seed}）`],
    ['会员 Members', `${r.members.total}（初始 ${r.members.initial}，自然新增 ${r.members.organic}，被邀请 ${r.members.invited}）`],
    ['有历史成长值 With history', String(r.members.withHistory)],
    [
      '人群 Personas',
      Object.entries(r.personas)
        .map(([k, n]) => `${PERSONA_NAMES[k as PersonaKind]} ${n}`)
        .join('，'),
    ],
    ['', ''],
    ['签到 Check-ins', String(r.checkins)],
    ['兑换 Redemptions', `${r.redemptions}（按层：${TIER_IDS.map((t) => `${TIER_NAMES[t]} ${s.redemptions.byTier[t]}`).join(' / ')}）`],
    ['邀请 Invites', `邀请卡 ${s.invites.cards} · 绑定 ${s.invites.binds} · 激活 ${s.invites.activations} · 奖励 ${s.invites.rewards}`],
    [
      '被拒绑定 Rejected binds',
      Object.entries(s.invites.rejections)
        .map(([k, n]) => `${k} ${n}`)
        .join('，') || '0',
    ],
    ['K 因子 K-factor', s.invites.kFactor.toFixed(3)],
    ['积分 Points', `发放 ${s.points.issued} · 消耗 ${s.points.spent} · 退回 ${s.points.refunded}`],
    ['', ''],
    ['活跃会员 Active (30 天)', `${s.activeMembers}（${s.activeFrom} 至 ${s.to}）`],
    ['等级分布 Tiers (active)', s.penetration.map((p) => `${TIER_NAMES[p.tier]} ${p.activeMembers}`).join(' / ')],
    ...s.coverage.map((c): [string, string] => [`覆盖率 ${TIER_NAMES[c.tier]} Coverage`, `${c.coverage}%（目标 ${c.target}%）`]),
    ['建议门槛 Suggested thresholds', `进阶层 ${r.suggestedThresholds.advanced ?? '—'} · 核心层 ${r.suggestedThresholds.core ?? '—'}`],
    ['福利渗透率 Penetration', s.penetration.map((p) => `${TIER_NAMES[p.tier]} ${pct(p.rate)}`).join(' / ')],
    ['', ''],
    ['函数调用 Calls', `${r.calls}（${r.seconds.toFixed(1)} 秒）`],
    ['吞吐 Throughput', `${r.callsPerSecond.toFixed(1)} 次/秒 calls/s`],
    ['延迟 Latency', `p50 ${r.latencyMs.p50.toFixed(1)} ms · p95 ${r.latencyMs.p95.toFixed(1)} ms`],
  ];
  const unexpected = Object.entries(r.errors).filter(
    ([code]) => code === 'INTERNAL' || code.startsWith('HTTP_') || code === 'FUNCTIONS_EXECUTE_FAIL',
  );
  if (unexpected.length > 0) rows.push(['异常 Unexpected errors', unexpected.map(([k, n]) => `${k} ${n}`).join('，')]);
  return rows;
}
