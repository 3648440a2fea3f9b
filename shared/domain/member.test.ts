import { newMember, defaultNickname } from './member';

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
