import { checkinData, firstBadge, homeData, redeemData, teamLine, teamReward } from '@/testing/fixtures';

jest.mock('@/services/member', () => ({ memberService: { home: jest.fn(), badgesSeen: jest.fn() } }));

import { memberService } from '@/services/member';
import { useCeremonyStore } from './ceremony';
import { useMemberStore } from './member';
import { publishMemberEvent } from './memberEvents';

const home = memberService.home as jest.Mock;
const streak7 = { ...firstBadge, id: 'streak_7', name: '七日坚持' };

beforeEach(() => {
  jest.resetAllMocks();
  home.mockReturnValue(new Promise(() => undefined)); // a refresh stays out unless a test answers it
  useMemberStore.setState({ status: 'ready', home: homeData({ points: 200, checkinDays: 4 }) });
});

const member = () => useMemberStore.getState().home!.member;

describe('checkedIn', () => {
  it('updates the card at once, queues the new badges and refreshes home quietly', () => {
    publishMemberEvent('checkedIn', checkinData({ balance: { points: 210, growth: 30 }, newBadges: [firstBadge, streak7] }));
    expect(member()).toMatchObject({ checkedInToday: true, points: 210, growth: 30, checkinDays: 5, streak: { current: 1 } });
    expect(useCeremonyStore.getState().queue.map((b) => b.id)).toEqual(['first_checkin', 'streak_7']);
    expect(home).toHaveBeenCalledTimes(1);
    expect(useMemberStore.getState().status).toBe('ready');
  });

  it('does not count the day twice for a repeated check-in', () => {
    publishMemberEvent('checkedIn', checkinData({ alreadyCheckedIn: true, newBadges: [] }));
    expect(member().checkinDays).toBe(4);
    expect(useCeremonyStore.getState().queue).toEqual([]);
  });
});

it('redeemed: the card shows the balance the redemption left', () => {
  publishMemberEvent('redeemed', redeemData(120));
  expect(member().points).toBe(120);
});

it('profileChanged: the card shows the new nickname and avatar; a new birthday asks home again (its month, its gift)', () => {
  publishMemberEvent('profileChanged', {
    nickname: '林小满',
    avatarUrl: 'https://example.com/a.png',
    leaderboardOptIn: false,
    birthday: null,
  });
  expect(member()).toMatchObject({ nickname: '林小满', avatarUrl: 'https://example.com/a.png', points: 200 });
  expect(home).not.toHaveBeenCalled();
  publishMemberEvent('profileChanged', { nickname: '林小满', avatarUrl: '', leaderboardOptIn: false, birthday: '03-08' });
  expect(member().birthday).toBe('03-08');
  expect(home).toHaveBeenCalledTimes(1);
});

it('donated: the card shows the balance left, the new badges are celebrated, home refreshes quietly', () => {
  publishMemberEvent('donated', {
    donationId: 'don_1',
    projectId: 'reading_corner',
    points: 50,
    balance: { points: 150 },
    pointsDonated: 50,
    newBadges: [streak7],
    newNodes: [{ id: 'charity_1', title: '公益初心', unlocksText: '解锁：公益同行电子证书' }],
  });
  expect(member().points).toBe(150);
  expect(useCeremonyStore.getState().queue.map((b) => b.id)).toEqual(['streak_7']);
  expect(home).toHaveBeenCalledTimes(1);
});

it('badgeSeen: home stops offering that badge as new, and only that one', () => {
  const base = homeData();
  useMemberStore.setState({ home: { ...base, badges: { ...base.badges, newestUnseen: firstBadge } } });
  publishMemberEvent('badgeSeen', { badgeId: 'streak_7' });
  expect(useMemberStore.getState().home!.badges.newestUnseen?.id).toBe('first_checkin');
  publishMemberEvent('badgeSeen', { badgeId: 'first_checkin' });
  expect(useMemberStore.getState().home!.badges.newestUnseen).toBeNull();
});

it('an event before home is known changes nothing there', () => {
  useMemberStore.setState({ status: 'idle', home: null });
  publishMemberEvent('redeemed', redeemData(120));
  publishMemberEvent('profileChanged', { nickname: '林小满', avatarUrl: '', leaderboardOptIn: false, birthday: null });
  expect(useMemberStore.getState().home).toBeNull();
});

it('teamProgressed: the home line shows the bar the answer moved (only for the team home shows)', () => {
  useMemberStore.setState({ home: { ...homeData(), team: teamLine() } });
  publishMemberEvent('teamProgressed', [
    teamLine({ teamId: 'OTHER2', progress: 3 }),
    teamLine({ progress: 18, remainingText: '还差 42 次签到' }),
  ]);
  expect(useMemberStore.getState().home!.team).toMatchObject({ teamId: 'K7QM2X', progress: 18, remainingText: '还差 42 次签到' });
});

it('teamChanged: home refreshes quietly (the team line); teamRewardSeen: the ceremony is no longer offered', () => {
  publishMemberEvent('teamChanged', { challengeId: 'winter_checkin_team' });
  expect(home).toHaveBeenCalledTimes(1);
  useMemberStore.setState({ home: { ...homeData(), teamCeremony: teamReward } });
  publishMemberEvent('teamRewardSeen', { teamId: 'OTHER2' });
  expect(useMemberStore.getState().home!.teamCeremony).not.toBeNull();
  publishMemberEvent('teamRewardSeen', { teamId: 'K7QM2X' });
  expect(useMemberStore.getState().home!.teamCeremony).toBeNull();
});
