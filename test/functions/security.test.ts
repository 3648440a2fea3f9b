import fs from 'node:fs';
import path from 'node:path';
import type { ZodTypeAny } from 'zod';
import { INPUT_SCHEMAS, type FunctionName } from '@shared/contracts/api';
import { ACTION_ERRORS } from '@shared/contracts/actionErrors';
import { ALL_COLLECTIONS } from '../../cloudfunctions/_common/collections';
import { cloudForSuite, memberId, OPS, ROOT, VERIFIER, type Dump } from './support/cloud';
import { putContent } from './support/seed';

// Calls go through real worker threads and HTTP; a busy 2-core machine needs more than 5 s.
jest.setTimeout(60_000);

/**
 * Identity, input and access: no function takes an openid from the event; every action refuses
 * bad input with INVALID_INPUT in Chinese before touching the database; staff actions are
 * closed to everyone else (fail closed); broken content is skipped, reported, and never breaks a page.
 */
const cloud = cloudForSuite();
const CHINESE = /[\u4e00-\u9fa5]/;
const MEGA = 'x'.repeat(1 << 20);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'test' || e.name === '__fixtures__' ? [] : sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('identity', () => {
  const files = sources(path.join(ROOT, 'cloudfunctions'));

  it('is never read from the event (static check of every function source)', () => {
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((f) =>
      /\bevent\s*(\.|\[\s*['"`])\s*(openid|openId|OPENID|userInfo)\b|\buserInfo\s*\.\s*open[iI]d\b/.test(fs.readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('comes from getWXContext, read only by the one function factory', () => {
    const code = (f: string) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
        .join('\n');
    const readers = files.filter((f) => /getWXContext\(\)(?!\s*:)/.test(code(f))).map((f) => path.relative(ROOT, f));
    expect(readers.sort()).toEqual(['cloudfunctions/_common/function.ts']);
  });

  it('ignores a forged openid or userInfo at runtime', async () => {
    const victim = memberId('victim');
    const attacker = memberId('attacker');
    await cloud.ok('checkin', 'checkin', victim, {});
    const before = await cloud.dump();

    // An extra `openid` is refused outright.
    const forged = await cloud.call('checkin', attacker, { action: 'checkin', openid: victim });
    expect(forged).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await cloud.dump()).toEqual(before);

    // `userInfo` (which WeChat adds to client events) is dropped: the call acts as the caller.
    const asSelf = await cloud.call('member', attacker, { action: 'home', userInfo: { openId: victim, appId: 'wx5f3a9c1d2e4b6a80' } });
    expect(asSelf).toMatchObject({ ok: true, data: { member: { checkinDays: 0 } } });
    const viaGateway = await cloud.http('checkin', attacker, { action: 'checkin', userInfo: { openId: victim } });
    expect(viaGateway.body).toMatchObject({ ok: true, data: { alreadyCheckedIn: false, streak: { current: 1 } } });
    expect(await cloud.docs('checkins', { openid: attacker })).toHaveLength(1);
    expect(await cloud.docs('checkins', { openid: victim })).toHaveLength(1);
    expect(await cloud.docs('members', { _id: victim })).toEqual(before.members.filter((m) => m._id === victim));
  });
});

/** A valid payload for every action: each bad-input case below breaks exactly one thing in it. */
const VALID: { [F in FunctionName]: Record<keyof (typeof INPUT_SCHEMAS)[F], Record<string, unknown>> } = {
  member: {
    home: {},
    badges: {},
    badgesSeen: { badgeIds: ['first_checkin'] },
    tree: {},
    ledger: { limit: 10, cursor: '1763870400000.abc' },
    profile: { nickname: '小满', avatarFileId: 'cloud://env.bucket/a.png', birthday: '03-08' },
    deleteAccount: { confirm: true },
    badgeCard: { badgeId: 'first_checkin' },
    program: {},
    recap: { campaignId: 'thanks_season_2026' },
    charity: {},
    donate: { projectId: 'reading_corner', points: 10, requestId: 'abcdefgh-0003' },
    code: {},
    subscribe: { accepted: ['Xk3vD9pQ2mT7wR5yL8nB1cF4hJ6sA0eG'], requestId: 'abcdefgh-0004' },
    subscriptions: {},
    unsubscribe: { purpose: 'checkinReminder' },
  },
  checkin: { checkin: {}, calendar: { month: '2026-11' } },
  redeem: {
    list: {},
    redeem: { packId: 'basic_points_coupon', requestId: 'abcdefgh-0001' },
    mine: { limit: 5, status: 'issued' },
    verify: { voucherCode: '2345-6789-ABCD' },
    peek: { voucherCode: '2345-6789-ABCD' },
    cancel: { redemptionId: `${memberId('x')}_abcdefgh`, reason: '测试作废' },
  },
  invite: { card: {}, bind: { code: '2345ABCD' }, mine: {}, leaderboard: { period: 'month' } },
  ops: {
    validate: {},
    stats: { from: '2026-11-01', to: '2026-11-07', campaignId: 'thanks_season_2026' },
    adjust: { openid: memberId('x'), points: 10, growth: 0, reason: '测试调整', requestId: 'abcdefgh-0002' },
    setBirthday: { openid: memberId('x'), birthday: '03-08', reason: '会员更正生日' },
    members: { query: '林小满' },
    member: { openid: memberId('x') },
    ledger: { openid: memberId('x'), limit: 5 },
    vouchers: { openid: memberId('x'), limit: 5 },
    audit: { target: memberId('x'), limit: 5 },
    staff: {},
    setStaff: { openid: memberId('x'), roles: ['verifier'], active: true, reason: '测试授权' },
    export: { from: '2026-11-01', to: '2026-11-07' },
  },
  team: {
    challenges: {},
    create: { challengeId: 'winter_checkin_team' },
    join: { code: '23456A' },
    preview: { code: '23456A' },
    leave: { teamId: '23456A' },
    mine: { challengeId: 'winter_checkin_team' },
    card: { teamId: '23456A' },
    seen: { teamId: '23456A' },
  },
  event: { attend: { eventId: 'demo_salon_now', memberCode: '123456789012345678' }, mine: {}, hosting: {} },
};

function badPayloads(valid: Record<string, unknown>): Array<[string, Record<string, unknown>]> {
  const out: Array<[string, Record<string, unknown>]> = [
    ['a forged openid', { ...valid, openid: memberId('victim') }],
    ['an operator key', { ...valid, $where: 'return true' }],
    ['a 1 MB key', { ...valid, [MEGA]: 1 }],
  ];
  for (const [key, value] of Object.entries(valid)) {
    const { [key]: _dropped, ...without } = valid;
    void _dropped;
    out.push([`${key} missing`, without]);
    out.push([`${key} as {"$gt": ""}`, { ...valid, [key]: { $gt: '' } }]);
    out.push([`${key} as a 1 MB string`, { ...valid, [key]: MEGA }]);
    out.push([`${key} of the wrong type`, { ...valid, [key]: typeof value === 'number' ? String(value) : 42 }]);
    out.push([`${key} as an array`, { ...valid, [key]: [value] }]);
    if (typeof value === 'number') {
      out.push([`${key} negative`, { ...valid, [key]: -value }]);
      out.push([`${key} as a float`, { ...valid, [key]: value + 0.5 }]);
      out.push([`${key} huge`, { ...valid, [key]: 1e15 }]);
    }
  }
  return out;
}

describe('bad input for every action', () => {
  const cases: Array<[string, string, string, Record<string, unknown>]> = [];
  for (const fn of Object.keys(VALID) as FunctionName[]) {
    for (const [action, valid] of Object.entries(VALID[fn]) as Array<[string, Record<string, unknown>]>) {
      for (const [what, payload] of badPayloads(valid)) {
        // Keep only what the contract refuses (a missing optional field, a negative adjustment… are valid).
        if (!(INPUT_SCHEMAS[fn] as Record<string, ZodTypeAny>)[action].safeParse(payload).success) cases.push([fn, action, what, payload]);
      }
    }
  }

  it('covers every action of every function with the core attacks', () => {
    for (const fn of Object.keys(INPUT_SCHEMAS) as FunctionName[]) {
      for (const action of Object.keys(INPUT_SCHEMAS[fn])) {
        const mine = cases.filter((c) => c[0] === fn && c[1] === action).map((c) => c[2]);
        // (ops.adjust and ops.setBirthday name their target member in `openid`: there it is a field, not a forgery.)
        const core = 'openid' in VALID[fn][action as keyof (typeof VALID)[typeof fn]] ? 2 : 3;
        expect([fn, action, mine.filter((w) => ['a forged openid', 'an operator key', 'a 1 MB key'].includes(w)).length]).toEqual([
          fn,
          action,
          core,
        ]);
        if (Object.keys(VALID[fn][action as keyof (typeof VALID)[typeof fn]]).length > 0) {
          expect(mine.some((w) => w.endsWith('{"$gt": ""}'))).toBe(true);
          expect(mine.some((w) => w.endsWith('a 1 MB string'))).toBe(true);
        }
      }
    }
    expect(cases.length).toBeGreaterThan(150);
  });

  it('answers INVALID_INPUT in Chinese and changes no collection', async () => {
    const caller = memberId('fuzzer');
    const before: Dump = await cloud.dump();
    const wrong: string[] = [];
    for (const [fn, action, what, payload] of cases) {
      for (const who of [caller, OPS]) {
        const answer = await cloud.call(fn, who, { ...payload, action });
        if (
          answer.ok ||
          answer.error.code !== 'INVALID_INPUT' ||
          !CHINESE.test(answer.error.message) ||
          JSON.stringify(answer).includes(MEGA.slice(0, 1000))
        ) {
          wrong.push(`${fn}.${action} (${what}) as ${who}: ${JSON.stringify(answer).slice(0, 200)}`);
        }
      }
    }
    for (const fn of Object.keys(INPUT_SCHEMAS)) {
      for (const event of [
        { action: 'drop' },
        {},
        { action: 'toString' },
        { action: { $gt: '' } },
        { action: MEGA },
        { action: ['home'] },
      ]) {
        const answer = await cloud.call(fn, caller, event);
        if (answer.ok || answer.error.code !== 'INVALID_INPUT' || !CHINESE.test(answer.error.message))
          wrong.push(`${fn} ${JSON.stringify(event).slice(0, 40)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await cloud.dump()).toEqual(before);
  }, 120_000);
});

describe('staff-only actions', () => {
  const STAFF_ONLY: Array<[string, string, Record<string, unknown>]> = [
    ['redeem', 'verify', VALID.redeem.verify],
    ['redeem', 'peek', VALID.redeem.peek],
    ['redeem', 'cancel', VALID.redeem.cancel],
    ['ops', 'validate', {}],
    ['ops', 'stats', VALID.ops.stats],
    ['ops', 'adjust', VALID.ops.adjust],
    ['ops', 'setBirthday', VALID.ops.setBirthday],
    ['ops', 'members', VALID.ops.members],
    ['ops', 'member', VALID.ops.member],
    ['ops', 'ledger', VALID.ops.ledger],
    ['ops', 'vouchers', VALID.ops.vouchers],
    ['ops', 'audit', VALID.ops.audit],
    ['ops', 'staff', VALID.ops.staff],
    ['ops', 'setStaff', VALID.ops.setStaff],
    ['ops', 'export', VALID.ops.export],
  ];

  it('are FORBIDDEN to members, to the wrong role (verifiers, hosts), and to inactive or broken staff records', async () => {
    const inactive = memberId('exOps');
    const broken = memberId('brokenOps');
    const host = memberId('hostOnly');
    await putContent(cloud, 'staff', [
      { _id: inactive, roles: ['ops', 'verifier'], active: false, storeId: null },
      { _id: broken, roles: 'ops', active: true },
      { _id: host, roles: ['host'], active: true, storeId: null },
    ]);
    const before: Dump = await cloud.dump();
    const wrong: string[] = [];
    for (const [fn, action, input] of STAFF_ONLY) {
      const role = fn === 'ops' || action === 'cancel' ? 'ops' : 'verifier';
      const outsiders = [memberId('plain'), inactive, broken, host, role === 'ops' ? VERIFIER : OPS];
      for (const who of outsiders) {
        const answer = await cloud.call(fn, who, { ...input, action });
        if (answer.ok || answer.error.code !== 'FORBIDDEN' || !CHINESE.test(answer.error.message))
          wrong.push(`${fn}.${action} as ${who}: ${JSON.stringify(answer).slice(0, 160)}`);
      }
      expect((ACTION_ERRORS as unknown as Record<string, Record<string, readonly string[]>>)[fn][action]).toContain('FORBIDDEN');
    }
    expect(wrong).toEqual([]);
    // Refused before anything ran: no audit, no staff change, no balance or voucher touched.
    const after = await cloud.dump();
    for (const c of ['ops_audit', 'staff', 'ledger', 'redemptions', 'benefit_packs']) expect([c, after[c]]).toEqual([c, before[c]]);
  });
});

/** Documents of a demo collection (the seeded program). */
const demoCount = (c: string) => (JSON.parse(fs.readFileSync(path.join(ROOT, 'content', 'demo', `${c}.json`), 'utf8')) as unknown[]).length;

describe('broken content', () => {
  it('is skipped and reported by id and field; every page still works', async () => {
    await cloud.lc.reset({ seed: true });
    await putContent(cloud, 'badges', [
      {
        _id: 'broken_metric',
        name: '坏徽章',
        description: '指标拼错',
        icon: '🐛',
        rarity: 'common',
        rule: { metric: 'streaks', gte: 3 },
        order: 5,
        active: true,
      },
    ]);
    await putContent(cloud, 'benefit_packs', [
      {
        _id: 'broken_cost',
        title: '坏福利包',
        description: '积分写成了文本',
        minTier: 'basic',
        cost: '100',
        stock: null,
        perMemberLimit: 1,
        limitPeriod: 'day',
        scene: 'normal',
        voucherDays: 7,
        active: true,
      },
    ]);
    await putContent(cloud, 'tree_nodes', [
      {
        _id: 'broken_node',
        branch: 'learning',
        branchName: '学习',
        rule: { metric: 'growth', gte: -5 },
        unlocks: { points: 10 },
        title: '坏节点',
        description: '门槛为负',
        order: 1,
      },
    ]);
    await putContent(cloud, 'settings', [{ _id: 'main', checkin: { points: 'ten', growth: 10, streakBonuses: [] } }]);

    const who = memberId('afterTypo');
    const home = await cloud.ok('member', 'home', who, {});
    expect(home.badges.total).toBe(demoCount('badges'));
    const checked = await cloud.ok('checkin', 'checkin', who, {});
    // Broken settings: the built-in defaults (10 points a day) keep check-in working.
    expect(checked.reward.points).toBe(10);
    const list = await cloud.ok('redeem', 'list', who, {});
    expect(list.packs.some((p) => p.id === 'broken_cost')).toBe(false);
    expect(list.packs.length).toBeGreaterThan(5);
    const tree = await cloud.ok('member', 'tree', who, {});
    expect(tree.total).toBe(demoCount('tree_nodes'));
    expect((await cloud.ok('member', 'badges', who, {})).badges.some((b) => b.id === 'broken_metric')).toBe(false);

    const report = await cloud.ok('ops', 'validate', OPS, {});
    expect(report.ok).toBe(false);
    const located = report.problems.filter((p) => p.severity === 'error').map((p) => [p.collection, p.id, p.field]);
    expect(located).toEqual(
      expect.arrayContaining([
        ['badges', 'broken_metric', 'rule.metric'],
        ['benefit_packs', 'broken_cost', 'cost'],
        ['tree_nodes', 'broken_node', 'rule.gte'],
        ['settings', 'main', 'checkin.points'],
      ]),
    );
    for (const p of report.problems) expect(p.message_zh).toMatch(CHINESE);
    expect(report.counts.badges).toEqual({ valid: demoCount('badges'), skipped: 1 });
    expect(report.counts.benefit_packs).toEqual({ valid: demoCount('benefit_packs'), skipped: 1 });
  });
});

describe('environment setup files', () => {
  it('list every collection the functions use: admin-only permissions and indexes', () => {
    const permissions = JSON.parse(fs.readFileSync(path.join(ROOT, 'content', 'permissions.json'), 'utf8')) as {
      collections: Record<string, { permission: string; securityRule: { read: boolean; write: boolean } }>;
    };
    const indexes = JSON.parse(fs.readFileSync(path.join(ROOT, 'content', 'indexes.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(permissions.collections).sort()).toEqual([...ALL_COLLECTIONS].sort());
    for (const p of Object.values(permissions.collections))
      expect(p).toEqual({ permission: 'ADMINONLY', securityRule: { read: false, write: false } });
    expect(
      Object.keys(indexes)
        .filter((k) => !k.startsWith('$'))
        .sort(),
    ).toEqual([...ALL_COLLECTIONS].sort());
  });

  it('left no query uncovered by an index in this suite', () => {
    expect(cloud.lc.stats().uncoveredQueries).toEqual([]);
  });
});
