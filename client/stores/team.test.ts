import { checkinData, homeData, teamLine, teamPage, winterChallenge } from '@/testing/fixtures';

jest.mock('@/services/team', () => ({
  teamService: {
    challenges: jest.fn(),
    create: jest.fn(),
    join: jest.fn(),
    preview: jest.fn(),
    leave: jest.fn(),
    mine: jest.fn(),
    card: jest.fn(),
    seen: jest.fn(),
  },
}));
jest.mock('@/services/member', () => ({ memberService: { home: jest.fn(), badgesSeen: jest.fn() } }));
jest.mock('@/services/checkin', () => ({ checkinService: { checkin: jest.fn(), calendar: jest.fn() } }));

import { checkinService } from '@/services/checkin';
import { CloudCallError } from '@/services/cloud/callFunction';
import { memberService } from '@/services/member';
import { teamService } from '@/services/team';
import { useCheckinStore } from './checkin';
import { useMemberStore } from './member';
import { onMemberEvent, publishMemberEvent } from './memberEvents';
import { useTeamStore } from './team';

const service = teamService as jest.Mocked<typeof teamService>;

beforeEach(() => {
  jest.resetAllMocks();
  (memberService.home as jest.Mock).mockReturnValue(new Promise(() => undefined));
});

it('opens a challenge’s team page, and starts afresh for another challenge', async () => {
  service.mine.mockResolvedValue(teamPage());
  await useTeamStore.getState().openChallenge('winter_checkin_team');
  expect(service.mine).toHaveBeenCalledWith('winter_checkin_team');
  expect(useTeamStore.getState()).toMatchObject({ pageStatus: 'ready', page: { team: { code: 'K7QM2X' } } });

  service.mine.mockReturnValue(new Promise(() => undefined));
  void useTeamStore.getState().openChallenge('other');
  expect(useTeamStore.getState()).toMatchObject({ challengeId: 'other', page: null, pageStatus: 'loading' });
});

it('creates a team once however often tapped, and tells the member stores', async () => {
  const changed = jest.fn();
  const off = onMemberEvent('teamChanged', changed);
  useTeamStore.setState({ challengeId: 'winter_checkin_team', page: { challenge: winterChallenge, team: null } });
  service.create.mockResolvedValue(teamPage({ members: 1, status: 'forming' }));
  const [a, b] = await Promise.all([useTeamStore.getState().create(), useTeamStore.getState().create()]);
  expect([a, b]).toEqual([true, false]);
  expect(service.create).toHaveBeenCalledTimes(1);
  expect(useTeamStore.getState().page?.team).toMatchObject({ code: 'K7QM2X', status: 'forming' });
  expect(changed).toHaveBeenCalledWith({ challengeId: 'winter_checkin_team' });
  off();
});

it('keeps a refusal (TEAM_FULL) for the join page, and joins on a second try', async () => {
  useTeamStore.setState({ code: 'K7QM2X' });
  service.join.mockRejectedValueOnce(new CloudCallError('TEAM_FULL', '这支队伍已经满员了'));
  expect(await useTeamStore.getState().join()).toBeNull();
  expect(useTeamStore.getState().actionError).toMatchObject({ code: 'TEAM_FULL' });
  service.join.mockResolvedValueOnce(teamPage());
  expect(await useTeamStore.getState().join()).not.toBeNull();
  expect(useTeamStore.getState()).toMatchObject({
    actionError: null,
    challengeId: 'winter_checkin_team',
    page: { team: { code: 'K7QM2X' } },
  });
});

it('moves the bar of the page, the list and the home line from a check-in’s answer', () => {
  useTeamStore.setState({ page: teamPage(), challenges: { challenges: [{ challenge: winterChallenge, team: teamLine() }] } });
  useMemberStore.setState({ status: 'ready', home: { ...homeData(), team: teamLine() } });
  const moved = teamLine({ progress: 18, remainingText: '还差 42 次签到' });
  publishMemberEvent('teamProgressed', [moved]);
  expect(useTeamStore.getState().page?.team).toMatchObject({ progress: 18, remainingText: '还差 42 次签到', roster: expect.any(Array) });
  expect(useTeamStore.getState().challenges?.challenges[0].team?.progress).toBe(18);
  expect(useMemberStore.getState().home?.team?.remainingText).toBe('还差 42 次签到');
  // Another team's bar changes nothing here.
  publishMemberEvent('teamProgressed', [teamLine({ teamId: 'OTHER2', progress: 50 })]);
  expect(useTeamStore.getState().page?.team?.progress).toBe(18);
});

it('the check-in store publishes the bars its answer moved', async () => {
  const seen = jest.fn();
  const off = onMemberEvent('teamProgressed', seen);
  (checkinService.checkin as jest.Mock).mockResolvedValue(checkinData({ teams: [teamLine({ progress: 18 })] }));
  await useCheckinStore.getState().checkin();
  expect(seen).toHaveBeenCalledWith([expect.objectContaining({ progress: 18 })]);
  // A check-in outside any team publishes nothing about teams.
  (checkinService.checkin as jest.Mock).mockResolvedValue(checkinData({ alreadyCheckedIn: true }));
  await useCheckinStore.getState().checkin();
  expect(seen).toHaveBeenCalledTimes(1);
  off();
});
