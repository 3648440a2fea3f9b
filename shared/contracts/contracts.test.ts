import {
  INPUT_SCHEMAS,
  isActionOf,
  isFunctionName,
  parseInput,
  splitEvent,
  type ActionName,
  type ApiInput,
  type FunctionName,
} from './api';
import { decodeCursor, encodeCursor } from './common';

/** One valid payload per action. Typed, so a new action without an example fails to compile. */
const EXAMPLES: { [F in FunctionName]: { [A in ActionName<F>]: ApiInput<F, A> } } = {
  member: {
    home: {},
    badges: {},
    badgesSeen: { badgeIds: ['streak_7'] },
    tree: {},
    ledger: { cursor: '1763870400000.ledger_abc123', limit: 20 },
    profile: { nickname: '小林', avatarFileId: 'cloud://env-1.7a6b/avatars/o1.png', birthday: '03-08' },
    deleteAccount: { confirm: true },
    badgeCard: { badgeId: 'streak_7' },
    program: {},
    recap: { campaignId: 'thanks_season_2026' },
    charity: {},
    donate: { projectId: 'reading_corner', points: 50, requestId: 'don_0123456789' },
    code: {},
    subscribe: { accepted: ['Xk3vD9pQ2mT7wR5yL8nB1cF4hJ6sA0eG'], requestId: 'sub_0123456789', campaignId: 'thanks_season_2026' },
    subscriptions: {},
    unsubscribe: { purpose: 'checkinReminder' },
  },
  checkin: { checkin: {}, calendar: { month: '2026-11' } },
  redeem: {
    list: {},
    redeem: { packId: 'basic_health_pack', requestId: 'req_0123456789' },
    mine: { status: 'issued', limit: 10 },
    verify: { voucherCode: 'K7QM-2XRT-9PAB' },
    peek: { voucherCode: 'K7QM-2XRT-9PAB' },
    cancel: { redemptionId: 'oVfr7Kq2mXnP4sLdE9wT3bYcH6jA_req_0123456789', reason: '会员申请取消' },
  },
  invite: { card: {}, bind: { code: 'K7QM2XRT' }, mine: {}, leaderboard: { period: 'month' } },
  ops: {
    validate: {},
    stats: { from: '2026-11-01', to: '2026-11-23', campaignId: 'thanks_season_2026' },
    adjust: { openid: 'oVfr7Kq2mXnP4sLdE9wT3bYcH6jA', points: 100, growth: 50, reason: '线下活动签到', requestId: 'adj_0123456789' },
    setBirthday: { openid: 'oVfr7Kq2mXnP4sLdE9wT3bYcH6jA', birthday: '02-29', reason: '会员来电更正生日' },
    members: { query: '林小满' },
    member: { openid: 'oVfr7Kq2mXnP4sLdE9wT3bYcH6jA' },
    ledger: { openid: 'oVfr7Kq2mXnP4sLdE9wT3bYcH6jA', cursor: '1764000000000.abc_123', limit: 20 },
    vouchers: { openid: 'oVfr7Kq2mXnP4sLdE9wT3bYcH6jA', limit: 20 },
    audit: { target: 'oVfr7Kq2mXnP4sLdE9wT3bYcH6jA', who: 'oOps5Gh8TzR2kWq7NvB4xMe9LcJ1', limit: 20 },
    staff: {},
    setStaff: { openid: 'oVfr7Kq2mXnP4sLdE9wT3bYcH6jA', roles: ['verifier', 'host'], active: true, storeId: 'sh-01', reason: '新店开业' },
    export: { from: '2026-11-01', to: '2026-11-23' },
  },
  team: {
    challenges: {},
    create: { challengeId: 'winter_checkin_team' },
    join: { code: 'k7qm-2x' },
    preview: { code: 'K7QM2X' },
    leave: { teamId: 'K7QM2X' },
    mine: { challengeId: 'winter_checkin_team' },
    card: { teamId: 'K7QM2X' },
    seen: { teamId: 'K7QM2X' },
  },
  event: { attend: { eventId: 'salon_1', memberCode: '1234 5678 9012 3456 78' }, mine: {}, hosting: {} },
};

/** Numbers that may legitimately be negative (ops corrections). */
const SIGNED = new Set(['ops.adjust.points', 'ops.adjust.growth']);

type Path = Array<string | number>;

function leaves(value: unknown, path: Path = []): Array<{ path: Path; value: unknown }> {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [{ path, value }];
}

function replaced(root: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let t = copy;
  for (const k of path.slice(0, -1)) t = t[k] as Record<string | number, unknown>;
  t[path[path.length - 1]] = value;
  return copy;
}

const ACTIONS = (Object.keys(INPUT_SCHEMAS) as FunctionName[]).flatMap((fn) =>
  Object.keys(INPUT_SCHEMAS[fn]).map((action) => ({ fn, action, example: (EXAMPLES[fn] as Record<string, unknown>)[action] })),
);

const MEGABYTE = 'x'.repeat(1 << 20);

describe.each(ACTIONS)('$fn.$action input', ({ fn, action, example }) => {
  const schema = (INPUT_SCHEMAS[fn] as Record<string, { safeParse(v: unknown): { success: boolean } }>)[action];
  const accepts = (v: unknown) => schema.safeParse(v).success;

  it('accepts its example', () => {
    expect(accepts(example)).toBe(true);
  });

  it('rejects non-objects, unknown keys, a forged openid and injection-shaped keys', () => {
    for (const bad of [null, 'home', 42, [], [example]]) expect(accepts(bad)).toBe(false);
    expect(accepts({ ...(example as object), unknownKey: 1 })).toBe(false);
    expect(accepts({ ...(example as object), $where: 'sleep(1000)' })).toBe(false);
    expect(accepts({ ...(example as object), [MEGABYTE]: 1 })).toBe(false);
    expect(accepts({ ...(example as object), ...JSON.parse('{"__proto__": {"polluted": true}}') })).toBe(false);
    // Ops actions that name the member they read or change take an openid; every other action refuses one.
    if (!(fn === 'ops' && 'openid' in (example as object)))
      expect(accepts({ ...(example as object), openid: 'oForgedForgedForgedForged123' })).toBe(false);
  });

  const fields = leaves(example);
  const strings = fields.filter((f) => typeof f.value === 'string');
  const numbers = fields.filter((f) => typeof f.value === 'number');

  if (strings.length > 0) {
    it.each(strings.map((f) => [f.path.join('.'), f.path] as const))(
      'string %s refuses {"$gt": ""}, 1 MB, a number, an array',
      (_name, path) => {
        expect(accepts(replaced(example, path, { $gt: '' }))).toBe(false);
        expect(accepts(replaced(example, path, { $ne: null }))).toBe(false);
        expect(accepts(replaced(example, path, MEGABYTE))).toBe(false);
        expect(accepts(replaced(example, path, 7))).toBe(false);
        expect(accepts(replaced(example, path, ['a']))).toBe(false);
      },
    );
  }

  if (numbers.length > 0) {
    it.each(numbers.map((f) => [f.path.join('.'), f.path] as const))(
      'integer %s refuses floats, NaN, ±Infinity, numeric strings, {"$gt": 0} and (unless signed) negatives',
      (name, path) => {
        for (const bad of [1.5, Number.NaN, Infinity, -Infinity, '10', { $gt: 0 }, 1e300])
          expect(accepts(replaced(example, path, bad))).toBe(false);
        expect(accepts(replaced(example, path, -1))).toBe(SIGNED.has(`${fn}.${action}.${name}`));
      },
    );
  }
});

describe('specific rules', () => {
  const ok = <F extends FunctionName>(fn: F, action: ActionName<F>, payload: unknown) => parseInput(fn, action, payload).ok;

  it('normalises voucher and invite codes typed by people', () => {
    expect(parseInput('redeem', 'verify', { voucherCode: ' k7qm 2xrt-9pab ' })).toEqual({
      ok: true,
      data: { voucherCode: 'K7QM2XRT9PAB' },
    });
    expect(ok('redeem', 'verify', { voucherCode: 'K7QM2XRT9PA' })).toBe(false); // 11 symbols
    expect(ok('redeem', 'verify', { voucherCode: 'K7QM2XRT9PA0' })).toBe(false); // 0 is not in the alphabet
    expect(ok('invite', 'bind', { code: 'k7qm-2xrt' })).toBe(true);
    expect(ok('invite', 'bind', { code: 'K7QM2XRTX' })).toBe(false);
  });

  it('checks months, days and ranges', () => {
    expect(ok('checkin', 'calendar', { month: '2026-13' })).toBe(false);
    expect(ok('checkin', 'calendar', { month: '2026-1' })).toBe(false);
    expect(ok('ops', 'stats', { from: '2026-02-29', to: '2026-03-01' })).toBe(false); // not a leap year
    expect(ok('ops', 'stats', { from: '2028-02-29', to: '2028-03-01' })).toBe(true);
    expect(ok('ops', 'stats', { from: '2026-11-23', to: '2026-11-01' })).toBe(false);
    expect(ok('ops', 'stats', { from: '2026-01-01', to: '2026-04-02' })).toBe(true); // 92 days
    expect(ok('ops', 'stats', { from: '2026-01-01', to: '2026-04-03' })).toBe(false); // 93 days
  });

  it('requires something to change and explicit confirmation', () => {
    expect(ok('member', 'profile', {})).toBe(false);
    expect(ok('member', 'profile', { nickname: '   ' })).toBe(false);
    expect(ok('member', 'profile', { nickname: '昵'.repeat(21) })).toBe(false);
    expect(ok('member', 'profile', { avatarFileId: 'https://evil.example/a.png' })).toBe(false);
    expect(ok('member', 'deleteAccount', {})).toBe(false);
    expect(ok('member', 'deleteAccount', { confirm: 'true' })).toBe(false);
    expect(ok('ops', 'adjust', { ...EXAMPLES.ops.adjust, points: 0, growth: 0 })).toBe(false);
    expect(ok('ops', 'adjust', { ...EXAMPLES.ops.adjust, points: -30, growth: 0 })).toBe(true);
    expect(ok('ops', 'adjust', { ...EXAMPLES.ops.adjust, reason: ' ' })).toBe(false);
  });

  it('checks staff changes and searches', () => {
    expect(ok('ops', 'setStaff', { ...EXAMPLES.ops.setStaff, roles: ['ops', 'ops'] })).toBe(false);
    expect(ok('ops', 'setStaff', { ...EXAMPLES.ops.setStaff, roles: ['admin'] })).toBe(false);
    expect(ok('ops', 'setStaff', { ...EXAMPLES.ops.setStaff, roles: [] })).toBe(true); // no role left: no longer staff
    expect(ok('ops', 'setStaff', { ...EXAMPLES.ops.setStaff, active: 'true' })).toBe(false);
    expect(ok('ops', 'members', { query: '   ' })).toBe(false);
    expect(ok('ops', 'members', { query: 'x'.repeat(65) })).toBe(false);
    expect(ok('ops', 'export', { from: '2026-01-01', to: '2026-04-03' })).toBe(false); // 93 days
    expect(ok('ops', 'export', { from: '2026-11-23', to: '2026-11-01' })).toBe(false);
  });

  it('refuses nicknames with control or bidi characters (staff and friends see them)', () => {
    for (const c of ['\u0000', '\u0007', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(ok('member', 'profile', { nickname: `林${c}满` })).toBe(false);
    }
    expect(ok('member', 'profile', { nickname: '林小满 \u{1F331}' })).toBe(true);
  });

  it('bounds ids and request ids', () => {
    expect(ok('redeem', 'redeem', { packId: 'p1', requestId: 'short' })).toBe(false);
    expect(ok('redeem', 'redeem', { packId: 'p1', requestId: 'r'.repeat(65) })).toBe(false);
    expect(ok('redeem', 'redeem', { packId: '$gt', requestId: 'req_0123456789' })).toBe(false);
    expect(ok('member', 'badgesSeen', { badgeIds: [] })).toBe(false);
    expect(ok('member', 'badgesSeen', {})).toBe(true);
    expect(ok('member', 'ledger', { limit: 51 })).toBe(false);
    expect(ok('member', 'ledger', { limit: 0 })).toBe(false);
  });

  it('reports failing fields without echoing values', () => {
    expect(parseInput('redeem', 'redeem', { packId: { $gt: '' }, requestId: 'req_0123456789', evil: MEGABYTE })).toEqual({
      ok: false,
      fields: ['packId', 'evil'],
    });
    const huge = parseInput('invite', 'mine', { [MEGABYTE]: 1 });
    expect(huge.ok === false && huge.fields[0].length).toBe(64);
  });
});

describe('events', () => {
  it('splits action from payload and drops the userInfo WeChat adds', () => {
    expect(splitEvent({ action: 'redeem', packId: 'p1', userInfo: { openId: 'o1', appId: 'wx1' } })).toEqual({
      action: 'redeem',
      payload: { packId: 'p1' },
    });
    expect(splitEvent(null)).toEqual({ action: undefined, payload: {} });
    expect(splitEvent(['x'])).toEqual({ action: undefined, payload: {} });
  });

  it('keeps a forged openid in the payload, where the strict schema refuses it', () => {
    const { payload } = splitEvent({ action: 'home', openid: 'oForged' });
    expect(parseInput('member', 'home', payload).ok).toBe(false);
  });

  it('knows the functions and actions, and nothing inherited', () => {
    expect(isFunctionName('redeem')).toBe(true);
    expect(isFunctionName('toString')).toBe(false);
    expect(isActionOf('redeem', 'list')).toBe(true);
    expect(isActionOf('redeem', 'constructor')).toBe(false);
    expect(isActionOf('member', 'deleteAccount')).toBe(true);
  });
});

describe('cursor', () => {
  it('round-trips and refuses junk', () => {
    expect(decodeCursor(encodeCursor(1763870400000, 'abc_123'))).toEqual({ createdAtMs: 1763870400000, id: 'abc_123' });
    expect(decodeCursor('x.y')).toBeNull();
    expect(decodeCursor('1.a.b')).toBeNull();
  });
});
