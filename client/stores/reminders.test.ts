jest.mock('@tarojs/taro', () => require('@/testing/taro'));
jest.mock('@/services/member', () => ({ memberService: { subscribe: jest.fn(), subscriptions: jest.fn(), unsubscribe: jest.fn() } }));

import type { ReminderCreditView, ReminderTemplateView } from '@shared/contracts/member';
import { CloudCallError } from '@/services/cloud/callFunction';
import { memberService } from '@/services/member';
import { useSubscribeSheet } from '@/platform/subscribeSheet';
import { useRemindersStore } from './reminders';

const subscribe = memberService.subscribe as jest.Mock;
const unsubscribe = memberService.unsubscribe as jest.Mock;

const CHECKIN: ReminderTemplateView = {
  purpose: 'checkinReminder',
  templateId: 'kq3Vn8XbT2mWc5LpR7dYf0HsJ9eGa4UzQ1iNo6xDKtE',
  title: '签到提醒',
};
const credit = (credits: number): ReminderCreditView => ({ ...CHECKIN, credits, campaigns: [] });

beforeEach(() => jest.resetAllMocks());

/** The member answers the (simulated) sheet once it is open. */
async function answerSheet(allow: boolean): Promise<void> {
  await Promise.resolve();
  expect(useSubscribeSheet.getState().templates).toEqual([CHECKIN]);
  useSubscribeSheet.getState().answer(allow);
}

it('asks in the sheet, then records one credit per template allowed, and shows the credits', async () => {
  subscribe.mockResolvedValue({ granted: ['checkinReminder'], reminders: [credit(1)] });
  const asking = useRemindersStore.getState().ask('checkin:2026-11-30', [CHECKIN]);
  expect(useRemindersStore.getState().prompts['checkin:2026-11-30'].status).toBe('asking');
  await answerSheet(true);
  await asking;
  expect(subscribe).toHaveBeenCalledWith([CHECKIN.templateId], expect.stringMatching(/^[0-9a-f]{32}$/), undefined);
  expect(useRemindersStore.getState().prompts['checkin:2026-11-30']).toMatchObject({ status: 'granted', granted: ['checkinReminder'] });
  expect(useRemindersStore.getState().data?.reminders).toEqual([credit(1)]);
});

it('records nothing when the member cancels the sheet', async () => {
  const asking = useRemindersStore.getState().ask('invite', [CHECKIN]);
  await answerSheet(false);
  await asking;
  expect(subscribe).not.toHaveBeenCalled();
  expect(useRemindersStore.getState().prompts.invite.status).toBe('declined');
});

it('retries a failed recording with the same consent and requestId, without asking again', async () => {
  subscribe.mockRejectedValueOnce(new CloudCallError('BUSY', '系统繁忙，请稍后再试'));
  const first = useRemindersStore.getState().ask('checkin:d', [CHECKIN]);
  await answerSheet(true);
  await first;
  expect(useRemindersStore.getState().prompts['checkin:d']).toMatchObject({ status: 'error', error: { code: 'BUSY' } });

  subscribe.mockResolvedValueOnce({ granted: ['checkinReminder'], reminders: [credit(1)] });
  await useRemindersStore.getState().ask('checkin:d', [CHECKIN]);
  expect(useSubscribeSheet.getState().templates).toEqual([]);
  expect(subscribe).toHaveBeenCalledTimes(2);
  expect(subscribe.mock.calls[1][1]).toBe(subscribe.mock.calls[0][1]);
  expect(useRemindersStore.getState().prompts['checkin:d'].status).toBe('granted');
});

it('withdraws a purpose and shows what is left', async () => {
  unsubscribe.mockResolvedValue({ reminders: [credit(0)] });
  useRemindersStore.setState({ data: { reminders: [credit(2)] }, status: 'ready' });
  expect(await useRemindersStore.getState().withdraw('checkinReminder')).toBe(true);
  expect(unsubscribe).toHaveBeenCalledWith('checkinReminder');
  expect(useRemindersStore.getState().data?.reminders).toEqual([credit(0)]);
  expect(useRemindersStore.getState().withdrawing).toBeNull();
});
