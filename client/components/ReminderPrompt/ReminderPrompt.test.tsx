/**
 * @jest-environment jsdom
 */
import { homeData } from '@/testing/fixtures';

jest.mock('@tarojs/taro', () => require('@/testing/taro'));
jest.mock('@tarojs/components', () => require('@/testing/taroComponents'));
jest.mock('@/services/member', () => ({ memberService: { home: jest.fn(), subscribe: jest.fn(), subscriptions: jest.fn() } }));

import { act } from 'react';
import { cleanup, flush, render } from '@/testing/render';
import { memberService } from '@/services/member';
import { useSubscribeSheet } from '@/platform/subscribeSheet';
import { useMemberStore } from '@/stores/member';
import { SubscribeSheet } from '../SubscribeSheet';
import { ReminderPrompt } from '.';

const CHECKIN = { purpose: 'checkinReminder' as const, templateId: 'kq3Vn8XbT2mWc5LpR7dYf0HsJ9eGa4UzQ1iNo6xDKtE', title: '签到提醒' };

beforeEach(() => jest.resetAllMocks());
afterEach(cleanup);

function withTemplates(templates: (typeof CHECKIN)[]) {
  useMemberStore.setState({ home: { ...homeData(), reminderTemplates: templates }, status: 'ready' });
}

it('offers nothing for a purpose without a template', async () => {
  withTemplates([]);
  const view = await render(<ReminderPrompt promptKey="checkin:d" purposes={['checkinReminder']} label="明天提醒我签到" />);
  expect(view.text()).toBe('');
  expect(memberService.subscriptions).not.toHaveBeenCalled();
});

it('a tap opens the sheet; 允许 records the credit and says when the one message would come', async () => {
  withTemplates([CHECKIN]);
  (memberService.subscribe as jest.Mock).mockResolvedValue({
    granted: ['checkinReminder'],
    reminders: [{ ...CHECKIN, credits: 1, campaigns: [] }],
  });
  const view = await render(
    <>
      <ReminderPrompt promptKey="checkin:d" purposes={['checkinReminder']} label="明天提醒我签到" />
      <SubscribeSheet />
    </>,
  );
  await view.click('🔔 明天提醒我签到');
  expect(view.text()).toContain('会员中心 申请向你发送以下订阅消息');
  expect(view.text()).toContain('签到提醒');
  await view.click('允许');
  await act(flush);
  expect(memberService.subscribe).toHaveBeenCalledWith([CHECKIN.templateId], expect.any(String), undefined);
  expect(view.text()).toContain('明天 20:00 你还没签到的话，会用微信服务通知提醒你一次');
  expect(useSubscribeSheet.getState().templates).toEqual([]);
});
