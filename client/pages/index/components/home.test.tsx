/**
 * @jest-environment jsdom
 */
import type { CampaignView } from '@shared/contracts/member';

jest.mock('@tarojs/taro', () => require('@/testing/taro'));
jest.mock('@tarojs/components', () => require('@/testing/taroComponents'));

import { firstBadge, teamReward } from '@/testing/fixtures';
import { calls, resetTaro } from '@/testing/taro';
import { cleanup, render } from '@/testing/render';
import { act } from 'react';
import { useCeremonyStore } from '@/stores/ceremony';
import { BirthdaySheet } from './BirthdaySheet';
import { CampaignBanner } from './CampaignBanner';

beforeEach(resetTaro);
afterEach(cleanup);

const campaign = (over: Partial<CampaignView>): CampaignView => ({
  id: 'thanks_season_2026',
  title: '会员感恩季',
  description: '',
  phase: 'live',
  preheatAt: '2026-11-15T16:00:00.000Z',
  startAt: '2026-11-22T16:00:00.000Z',
  endAt: '2026-12-20T16:00:00.000Z',
  recapUntil: '2027-01-10T16:00:00.000Z',
  daysToStart: 0,
  daysLeft: 21,
  boost: { pointsMultiplier: 2, growthMultiplier: 1.5 },
  purchaseBoost: null,
  packs: [{ id: 'thanks_season_box', title: '感恩季限定礼盒', cost: 150, minTierName: '基础层' }],
  badge: { id: 'thanks_season_2026', name: '感恩季同行', icon: '🧡' },
  joined: false,
  ...over,
});

describe('CampaignBanner', () => {
  it('pre-heat: the countdown and the packs to come', async () => {
    const view = await render(<CampaignBanner campaign={campaign({ phase: 'preheat', daysToStart: 2 })} />);
    for (const s of ['预热中', '会员感恩季', '即将上线：感恩季限定礼盒', '天后开始']) expect(view.text()).toContain(s);
  });

  it('live: the boost and the badge to earn, then the badge earned', async () => {
    const view = await render(<CampaignBanner campaign={campaign({})} />);
    expect(view.text()).toContain('签到积分 2 倍 · 成长值 1.5 倍 · 活动期间签到得「感恩季同行」徽章');
    expect(view.text()).toContain('还剩 21 天');
    cleanup();
    const joined = await render(<CampaignBanner campaign={campaign({ joined: true })} />);
    expect(joined.text()).toContain('已获得「感恩季同行」徽章');
  });

  it('recap: the way to the member’s own figures', async () => {
    const view = await render(<CampaignBanner campaign={campaign({ phase: 'recap' })} />);
    expect(view.text()).toContain('看看你在活动中的签到、积分和徽章');
    await view.click('活动回顾 ›');
    expect(calls.navigations).toEqual(['/packages/program/pages/campaign/index?id=thanks_season_2026']);
  });
});

describe('BirthdaySheet', () => {
  const gift = { year: 2026, points: 88, growth: 20, at: '2026-12-01T02:00:00.000Z' };

  it('celebrates the gift once on this device', async () => {
    const first = await render(<BirthdaySheet gift={gift} />);
    expect(first.text()).toContain('生日礼 +88 积分 · +20 成长值 已到账');
    await first.click('×');
    expect(first.text()).not.toContain('生日快乐');
    cleanup();
    const again = await render(<BirthdaySheet gift={gift} />);
    expect(again.text()).not.toContain('生日快乐');
  });

  it('waits for the badge ceremonies to be taken first', async () => {
    useCeremonyStore.setState({ queue: [firstBadge] });
    const view = await render(<BirthdaySheet gift={{ ...gift, at: '2026-12-02T02:00:00.000Z' }} />);
    expect(view.text()).not.toContain('生日快乐');
    await act(async () => useCeremonyStore.setState({ queue: [] }));
    expect(view.text()).toContain('生日快乐');
  });

  it('waits for a team reward ceremony to be taken first', async () => {
    useCeremonyStore.setState({ teams: [teamReward] });
    const view = await render(<BirthdaySheet gift={{ ...gift, at: '2026-12-03T02:00:00.000Z' }} />);
    expect(view.text()).not.toContain('生日快乐');
    await act(async () => useCeremonyStore.setState({ teams: [] }));
    expect(view.text()).toContain('生日快乐');
  });

  it('waits for a ceremony home brings that is not queued yet (the page queues it after the sheet’s own effect)', async () => {
    const at = '2026-12-04T02:00:00.000Z';
    const view = await render(<BirthdaySheet gift={{ ...gift, at }} ceremonyPending />);
    expect(view.text()).not.toContain('生日快乐');
    await view.rerender(<BirthdaySheet gift={{ ...gift, at }} ceremonyPending={false} />);
    expect(view.text()).toContain('生日快乐');
  });

  it('shows nothing without a gift', async () => {
    expect((await render(<BirthdaySheet gift={null} />)).text()).toBe('');
  });
});
