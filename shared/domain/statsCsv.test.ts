import { DEFAULT_TIER_NAMES } from '../content/ids';
import type { OpsStatsData } from '../contracts/ops';
import { reminderEffect } from './reminders';
import { csvField, exportFileName, statsCsv, userText } from './statsCsv';

const STATS: OpsStatsData = {
  from: '2026-11-01',
  to: '2026-11-02',
  asOf: '2026-11-03',
  dau: [
    { date: '2026-11-01', count: 10 },
    { date: '2026-11-02', count: 0 },
  ],
  retention: [
    { date: '2026-11-01', cohort: 10, d1: 0.5, d7: null },
    { date: '2026-11-02', cohort: 0, d1: null, d7: null },
  ],
  newMembers: [
    { date: '2026-11-01', count: 3 },
    { date: '2026-11-02', count: 1 },
  ],
  points: { issued: 500, spent: 120, refunded: 30, corrected: 10, expired: 40 },
  purchases: {
    orders: 3,
    amount: 123450,
    pointsIssued: 1234,
    pointsPending: 200,
    refunds: 1,
    refundedAmount: 6600,
    pointsReversed: 66,
    pointsDebt: 6,
  },
  redemptions: {
    total: 2,
    byPack: [{ packId: 'p1', title: '=HYPERLINK("x"),"福利"', minTier: 'advanced', count: 2 }],
    byTier: { basic: 0, advanced: 2, core: 0 },
  },
  activeMembers: 12,
  activeFrom: '2026-10-04',
  coverage: [
    { tier: 'basic', members: 12, coverage: 100, target: 90 },
    { tier: 'advanced', members: 5, coverage: 41.7, target: 40 },
    { tier: 'core', members: 1, coverage: 8.3, target: 10 },
  ],
  penetration: [{ tier: 'advanced', activeMembers: 5, redeemers: 2, rate: 0.4 }],
  invites: {
    cards: 4,
    binds: 3,
    activations: 1,
    rewards: 1,
    rejections: { SELF_INVITE: 2 },
    activeMembersInRange: 10,
    kFactor: 0.1,
  },
  koc: [{ openid: 'oX', nickname: '小禾', tier: 'basic', invited: 3, activated: 1, activationRate: 1 / 3 }],
  reminders: reminderEffect([
    { purpose: 'checkinReminder', sent: 4, returned: 3 },
    { purpose: 'voucherExpiry', sent: 2, returned: 0 },
  ]),
  campaign: null,
};

describe('the CSV export', () => {
  const { text, rows } = statsCsv(STATS, DEFAULT_TIER_NAMES);
  const lines = text.slice(1).split('\r\n');

  it('starts with the UTF-8 byte-order mark and ends every row with CRLF', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(lines).toHaveLength(rows + 1);
  });

  it('holds the dashboard figures under Chinese headings', () => {
    expect(lines).toContain('区间,2026-11-01 至 2026-11-02');
    expect(lines).toContain('2026-11-01,10,3,50.0%,');
    // A day nobody checked in has no retention: empty cells, not 0%.
    expect(lines).toContain('2026-11-02,0,1,,');
    expect(lines).toContain('500,120,30,10,40');
    expect(lines).toContain('3,1234.50,1234,200,1,66.00,66,6');
    expect(lines).toContain('进阶层,5,41.7%,40%');
    expect(lines).toContain('邀请自己,2');
    expect(lines).toContain('小禾,基础层,3,1,33.3%');
    expect(lines).toContain('K 因子,0.10,区间内激活的好友 ÷ 区间内签到过的会员');
    expect(lines).toContain('签到提醒,4,3,75.0%');
    expect(lines).toContain('券到期提醒,2,0,0.0%');
    expect(lines).toContain('合计,6,3,50.0%');
  });

  it('quotes fields and keeps typed text from running as a formula', () => {
    expect(lines).toContain(`"'=HYPERLINK(""x""),""福利""",进阶层,2`);
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField(null)).toBe('');
    expect(userText('-1+cmd')).toBe("'-1+cmd");
    expect(userText('林小满')).toBe('林小满');
  });

  it('names the file by its range', () => {
    expect(exportFileName('2026-11-01', '2026-11-30')).toBe('会员中心数据_2026-11-01_至_2026-11-30.csv');
  });
});
