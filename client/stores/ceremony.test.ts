import { firstBadge, homeData, teamReward } from '@/testing/fixtures';

jest.mock('@/services/member', () => ({ memberService: { badgesSeen: jest.fn(), home: jest.fn() } }));
jest.mock('@/services/team', () => ({ teamService: { seen: jest.fn() } }));

import { memberService } from '@/services/member';
import { teamService } from '@/services/team';
import { useCeremonyStore } from './ceremony';
import { useMemberStore } from './member';

const seen = memberService.badgesSeen as jest.Mock;
const streak7 = { ...firstBadge, id: 'streak_7', name: '七日坚持' };

beforeEach(() => {
  jest.resetAllMocks();
  const home = homeData();
  useMemberStore.setState({
    status: 'ready',
    home: { ...home, badges: { ...home.badges, newestUnseen: firstBadge } },
  });
});

it('celebrates each badge once, in order', () => {
  const { enqueue } = useCeremonyStore.getState();
  enqueue([firstBadge]);
  enqueue([firstBadge, streak7]);
  expect(useCeremonyStore.getState().queue.map((b) => b.id)).toEqual(['first_checkin', 'streak_7']);
});

it('收下 marks the badge seen on the server and shows the next one', async () => {
  seen.mockResolvedValue({ updated: 1 });
  useCeremonyStore.getState().enqueue([firstBadge, streak7]);
  await useCeremonyStore.getState().accept();
  expect(seen).toHaveBeenCalledWith(['first_checkin']);
  expect(useCeremonyStore.getState().queue.map((b) => b.id)).toEqual(['streak_7']);
  expect(useMemberStore.getState().home!.badges.newestUnseen).toBeNull();
  // Home answering the same badge again (a refresh raced the "seen") does not replay it.
  useCeremonyStore.getState().enqueue([firstBadge]);
  expect(useCeremonyStore.getState().queue.map((b) => b.id)).toEqual(['streak_7']);
});

it('a failed "seen" call does not block the member', async () => {
  seen.mockRejectedValue(new Error('offline'));
  useCeremonyStore.getState().enqueue([firstBadge]);
  await expect(useCeremonyStore.getState().accept()).resolves.toBeUndefined();
  expect(useCeremonyStore.getState().queue).toHaveLength(0);
});

it('celebrates a team reward once, and 收下 marks it seen and clears it from home', async () => {
  (teamService.seen as jest.Mock).mockResolvedValue({ updated: 1 });
  useMemberStore.setState({ home: { ...homeData(), teamCeremony: teamReward } });
  const { enqueueTeam } = useCeremonyStore.getState();
  enqueueTeam(teamReward);
  enqueueTeam(teamReward);
  expect(useCeremonyStore.getState().teams).toHaveLength(1);
  await useCeremonyStore.getState().acceptTeam();
  expect(teamService.seen).toHaveBeenCalledWith('K7QM2X');
  expect(useCeremonyStore.getState().teams).toEqual([]);
  expect(useMemberStore.getState().home!.teamCeremony).toBeNull();
  enqueueTeam(teamReward);
  expect(useCeremonyStore.getState().teams).toEqual([]);
});
