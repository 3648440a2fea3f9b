import { calendarData, checkinData, homeData } from '@/testing/fixtures';

jest.mock('@/services/checkin', () => ({ checkinService: { checkin: jest.fn(), calendar: jest.fn() } }));
jest.mock('@/services/member', () => ({ memberService: { home: jest.fn(), badgesSeen: jest.fn() } }));

import { checkinService } from '@/services/checkin';
import { memberService } from '@/services/member';
import { CloudCallError } from '@/services/cloud/callFunction';
import { useCeremonyStore } from './ceremony';
import { calendarWithCheckin, useCheckinStore } from './checkin';
import { useMemberStore } from './member';

const checkin = checkinService.checkin as jest.Mock;
const calendar = checkinService.calendar as jest.Mock;
const home = memberService.home as jest.Mock;

beforeEach(() => {
  jest.resetAllMocks();
  useMemberStore.setState({ home: homeData(), status: 'ready' });
  home.mockResolvedValue(
    homeData({
      checkedInToday: true,
      points: 10,
      growth: 10,
      windowGrowth: 10,
      checkinDays: 1,
      streak: { current: 1, best: 1, lastDate: '2026-11-23' },
    }),
  );
});

describe('check-in', () => {
  it('checks in once however often it is tapped', async () => {
    let answer!: (v: unknown) => void;
    checkin.mockReturnValue(new Promise((r) => (answer = r)));
    const taps = [useCheckinStore.getState().checkin(), useCheckinStore.getState().checkin(), useCheckinStore.getState().checkin()];
    answer(checkinData());
    const results = await Promise.all(taps);
    expect(checkin).toHaveBeenCalledTimes(1);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('updates the member card at once, queues the new badge and refreshes home quietly', async () => {
    checkin.mockResolvedValue(checkinData());
    home.mockReturnValue(new Promise(() => undefined)); // the refresh is still out
    await useCheckinStore.getState().checkin();
    const member = useMemberStore.getState().home!.member;
    expect(member.checkedInToday).toBe(true);
    expect(member.streak.current).toBe(1);
    expect(member.points).toBe(10);
    expect(member.checkinDays).toBe(1);
    expect(useCeremonyStore.getState().queue.map((b) => b.name)).toEqual(['初次签到']);
    expect(home).toHaveBeenCalledTimes(1);
    expect(useMemberStore.getState().status).toBe('ready');
  });

  it('adds today to the month already shown, without another call', async () => {
    useCheckinStore.setState({ month: '2026-11', calendars: { '2026-11': calendarData() }, status: 'ready' });
    checkin.mockResolvedValue(checkinData());
    await useCheckinStore.getState().checkin();
    const month = useCheckinStore.getState().calendars['2026-11'];
    expect(month.days.map((d) => d.date)).toEqual(['2026-11-23']);
    expect(month.totals).toEqual({ days: 1, points: 10, growth: 10 });
    expect(month.checkedInToday).toBe(true);
    expect(calendar).not.toHaveBeenCalled();
  });

  it('keeps the Chinese message of a failure for the toast', async () => {
    checkin.mockRejectedValue(new CloudCallError('BUSY', '当前人数较多，请稍后再试'));
    expect(await useCheckinStore.getState().checkin()).toBeNull();
    expect(useCheckinStore.getState().checkinError).toEqual({ code: 'BUSY', message: '当前人数较多，请稍后再试', details: undefined });
    expect(useCheckinStore.getState().checking).toBe(false);
    expect(useMemberStore.getState().home!.member.checkedInToday).toBe(false);
  });
});

describe('calendar', () => {
  it('loads the month of the server day', async () => {
    calendar.mockResolvedValue(calendarData());
    await useCheckinStore.getState().loadMonth();
    expect(calendar).toHaveBeenCalledWith('2026-11');
    expect(useCheckinStore.getState().month).toBe('2026-11');
    expect(useCheckinStore.getState().status).toBe('ready');
  });

  it('shows an error with the message when the first load fails', async () => {
    calendar.mockRejectedValue(new CloudCallError('NETWORK', '网络不太顺畅，请检查网络后重试'));
    await useCheckinStore.getState().loadMonth('2026-10');
    expect(useCheckinStore.getState().status).toBe('error');
    expect(useCheckinStore.getState().error?.message).toBe('网络不太顺畅，请检查网络后重试');
  });

  it('does not count a repeated check-in twice', () => {
    const day = { date: '2026-11-23', streak: 1, points: 10, growth: 10, bonus: false };
    const shown = calendarData({ days: [day], totals: { days: 1, points: 10, growth: 10 } });
    expect(calendarWithCheckin(shown, checkinData({ alreadyCheckedIn: true })).totals.days).toBe(1);
  });
});
