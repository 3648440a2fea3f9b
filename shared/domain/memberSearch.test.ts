import { matchesPrefix, memberSearchPlan, prefixRange } from './memberSearch';

describe('memberSearchPlan', () => {
  it('reads a query every way it fits', () => {
    expect(memberSearchPlan(' 林小 ')).toEqual({
      openid: null,
      inviteCode: null,
      voucherCode: null,
      nickname: { prefix: '林小', from: '林小', to: '林尐' },
    });
    expect(memberSearchPlan('k7qm-2xrt')).toMatchObject({ inviteCode: 'K7QM2XRT', voucherCode: null });
    expect(memberSearchPlan('k7qm 2xrt 9pab')).toMatchObject({ voucherCode: 'K7QM2XRT9PAB', inviteCode: null });
    const openid = 'oDemo_Member_Lin_00000000001';
    expect(memberSearchPlan(openid)).toMatchObject({ openid, nickname: { prefix: openid } });
  });
});

describe('prefixRange', () => {
  const inRange = (s: string, r: { from: string; to: string }) => s >= r.from && s < r.to;

  it('holds exactly the strings that start with the prefix', () => {
    const r = prefixRange('林小')!;
    for (const s of ['林小', '林小满', '林小🌱', '林小（满）']) expect(inRange(s, r)).toBe(true);
    for (const s of ['林', '林大', '林尐', '王小', '林小'.slice(0, 1)]) expect(inRange(s, r)).toBe(false);
  });

  it('shortens a prefix ending in an emoji or a full-width sign; the results are filtered by the whole prefix', () => {
    expect(prefixRange('林🌱')).toEqual({ from: '林', to: '枘' });
    expect(prefixRange('满（')).toEqual({ from: '满', to: '滢' });
    expect(prefixRange('🌱')).toBeNull();
    expect(matchesPrefix('林🌱一', '林🌱')).toBe(true);
    expect(matchesPrefix('林小', '林🌱')).toBe(false);
  });
});
