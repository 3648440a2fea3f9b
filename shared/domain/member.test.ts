import { newMember, defaultNickname, newStoredMember, normalizeMember } from './member';

describe('newMember', () => {
  it('creates the record of a first call: zero balances, basic tier, no streak', () => {
    const m = newMember('oAbCdEfGhIjKlMnOpQrStUvWxYz1', '2026-11-23T02:00:00.000Z', 'K7QM2XRT');
    expect(m).toEqual({
      _id: 'oAbCdEfGhIjKlMnOpQrStUvWxYz1',
      nickname: '会员2XRT',
      avatarUrl: '',
      createdAt: '2026-11-23T02:00:00.000Z',
      tier: 'basic',
      points: 0,
      growth: 0,
      streak: { current: 0, best: 0, lastDate: null },
      checkinDays: 0,
      inviteCode: 'K7QM2XRT',
      invitedBy: null,
      activatedAt: null,
      invitesActivated: 0,
      redemptions: 0,
      purchases: 0,
      eventsAttended: 0,
      coursesAttended: 0,
    });
  });

  it('normalises the creation instant to UTC ISO whatever form it comes in', () => {
    expect(newMember('o1234567890', Date.UTC(2026, 10, 23, 2), 'AAAAAAAA').createdAt).toBe('2026-11-23T02:00:00.000Z');
    expect(newMember('o1234567890', '2026-11-23T10:00:00+08:00', 'AAAAAAAA').createdAt).toBe('2026-11-23T02:00:00.000Z');
  });

  it('names a member after their code until they choose a nickname', () => {
    expect(defaultNickname('ABCDWXYZ')).toBe('会员WXYZ');
  });
});

describe('normalizeMember', () => {
  it('reads a complete stored member as is', () => {
    const m = { ...newStoredMember('oAbCdEfGhIjKlMnOpQrStUvWxYz1', '2026-11-23T02:00:00.000Z', 'K7QM2XRT'), points: 5 };
    m.redeemCounts = { 'p1|2026-W48': 1 };
    m.recentRedeems = ['req-0001'];
    m.voidedHolds = { tok: '2026-11-23T02:00:00.000Z' };
    expect(normalizeMember(JSON.parse(JSON.stringify(m)))).toEqual(m);
  });

  it('fills what an older or hand-edited document misses, and drops what is malformed', () => {
    const m = normalizeMember({
      _id: 'oOld',
      createdAt: '2026-01-01T00:00:00.000Z',
      tier: 'gold',
      points: '12',
      badges: [{ id: 'first_checkin', earnedAt: '2026-01-02T00:00:00.000Z' }, { name: 'no id' }],
      growthDays: { '2026-01-02': 10, bad: 'x' },
      redeemCounts: ['x'],
      recentRedeems: ['a', 1],
      voidedHolds: { t: 5 },
    });
    expect(m).toMatchObject({
      tier: 'basic',
      points: 0,
      streak: { current: 0, best: 0, lastDate: null },
      badges: [{ id: 'first_checkin', earnedAt: '2026-01-02T00:00:00.000Z', seen: false }],
      growthDays: { '2026-01-02': 10 },
      updatedAt: '2026-01-01T00:00:00.000Z',
      redeemCounts: {},
      recentRedeems: ['a'],
      voidedHolds: {},
      deleting: null,
    });
    expect(normalizeMember(null)._id).toBe('');
  });

  it('reads a deletion mark, however it was written', () => {
    const base = newStoredMember('oAbCdEfGhIjKlMnOpQrStUvWxYz1', '2026-11-23T02:00:00.000Z', 'K7QM2XRT');
    const mark = { at: '2026-11-24T02:00:00.000Z', anon: 'anon_0123456789abcdef01234567' };
    expect(normalizeMember({ ...base, deleting: mark }).deleting).toEqual(mark);
    expect(normalizeMember({ ...base, deleting: 'yes' }).deleting).toEqual({ at: '', anon: '' });
  });

  it('never passes on control or bidi characters of a nickname stored before they were refused', () => {
    const base = newStoredMember('oAbCdEfGhIjKlMnOpQrStUvWxYz1', '2026-11-23T02:00:00.000Z', 'K7QM2XRT');
    expect(normalizeMember({ ...base, nickname: '林\u202E满\u0000' }).nickname).toBe('林满');
    expect(normalizeMember({ ...base, nickname: '\u2066\u202E\u2069' }).nickname).toBe('会员2XRT');
    expect(normalizeMember({ ...base, nickname: '' }).nickname).toBe('');
  });
});
