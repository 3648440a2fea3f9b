jest.mock('@/services/event', () => ({ eventService: { attend: jest.fn(), hosting: jest.fn() } }));

import { eventService } from '@/services/event';
import { CloudCallError } from '@/services/cloud/callFunction';
import { useHostCheckinStore } from './hostCheckin';

const attend = eventService.attend as jest.Mock;
const hosting = eventService.hosting as jest.Mock;
const RESULT = {
  eventId: 'salon',
  eventTitle: '周末读书会',
  memberNickname: '林小满',
  attendedAt: '2026-11-27T06:05:00.000Z',
  points: 30,
  growth: 20,
  badgeName: null,
};

beforeEach(() => {
  jest.resetAllMocks();
  hosting.mockResolvedValue({ events: [], graceMinutes: 30 });
});

const settle = async () => {
  for (let i = 0; i < 4; i++) await Promise.resolve();
};

it('checks the scanned member in to the chosen event, spaces and all, and refreshes the counts', async () => {
  attend.mockResolvedValue(RESULT);
  useHostCheckinStore.getState().choose('salon');
  expect(useHostCheckinStore.getState().submit(' 1234 5678 9012 3456 78 ')).toBe(true);
  expect(attend).toHaveBeenCalledWith('salon', '123456789012345678');
  await settle();
  expect(useHostCheckinStore.getState()).toMatchObject({ checking: false, result: RESULT, error: null });
  expect(hosting).toHaveBeenCalledTimes(1);
});

it('refuses what cannot be a member code, and a scan before an event is chosen', () => {
  expect(useHostCheckinStore.getState().submit('123456789012345678')).toBe(false);
  useHostCheckinStore.getState().choose('salon');
  expect(useHostCheckinStore.getState().submit('K7QM-2XRT-9PAB')).toBe(false);
  expect(attend).not.toHaveBeenCalled();
});

it('shows a second scan as such, with the first time in the details', async () => {
  attend.mockRejectedValue(new CloudCallError('ALREADY_ATTENDED', '这位会员已经签到过本场活动', { attendedAt: RESULT.attendedAt }));
  useHostCheckinStore.getState().choose('salon');
  useHostCheckinStore.getState().submit('123456789012345678');
  await settle();
  expect(useHostCheckinStore.getState().error).toEqual({
    code: 'ALREADY_ATTENDED',
    message: '这位会员已经签到过本场活动',
    details: { attendedAt: RESULT.attendedAt },
  });
  useHostCheckinStore.getState().reset();
  expect(useHostCheckinStore.getState().error).toBeNull();
});
