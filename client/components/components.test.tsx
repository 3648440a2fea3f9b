/**
 * @jest-environment jsdom
 */
import { firstBadge, homeData, pack } from '@/testing/fixtures';

jest.mock('@tarojs/taro', () => require('@/testing/taro'));
jest.mock('@tarojs/components', () => require('@/testing/taroComponents'));
jest.mock('@/services/checkin', () => ({ checkinService: { checkin: jest.fn(), calendar: jest.fn() } }));
jest.mock('@/services/member', () => ({ memberService: { home: jest.fn(), badgesSeen: jest.fn() } }));

import { act } from 'react';
import { create } from 'zustand';
import { calls, reachBottom, resetTaro } from '@/testing/taro';
import { cleanup, flush, render } from '@/testing/render';
import { checkinService } from '@/services/checkin';
import { memberService } from '@/services/member';
import { CloudCallError } from '@/services/cloud/callFunction';
import { useMemberStore } from '@/stores/member';
import { createPagedList, type Page, type PagedList } from '@/stores/toolkit/pagedList';
import { PackCard } from '@/packages/benefits/components/PackCard';
import { BadgeCeremony } from './BadgeCeremony';
import { TeamCeremony } from './TeamCeremony';
import { CheckinButton } from './CheckinButton';
import { LoadMore } from './LoadMore';
import { PageState } from './PageState';
import { QrCode } from './QrCode';

beforeEach(() => {
  jest.resetAllMocks();
  resetTaro();
});

afterEach(cleanup);

describe('PageState', () => {
  it('shows the Chinese message and a retry that works', async () => {
    const retry = jest.fn();
    const view = await render(
      <PageState status="error" error={{ code: 'INTERNAL', message: '服务开小差了，请稍后再试' }} hasData={false} onRetry={retry}>
        <span>内容</span>
      </PageState>,
    );
    expect(view.text()).toContain('服务开小差了，请稍后再试');
    expect(view.text()).not.toContain('内容');
    await view.click('重试');
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('keeps showing the page while refreshing', async () => {
    const view = await render(
      <PageState status="loading" hasData>
        <span>内容</span>
      </PageState>,
    );
    expect(view.text()).toBe('内容');
  });

  it('shows a skeleton on the first load', async () => {
    const view = await render(
      <PageState status="loading" hasData={false}>
        <span>内容</span>
      </PageState>,
    );
    expect(view.text()).toContain('加载中');
  });
});

describe('PackCard', () => {
  it('a locked pack says why and cannot be redeemed', async () => {
    const onRedeem = jest.fn();
    const locked = pack({
      minTier: 'advanced',
      minTierName: '进阶层',
      eligibility: { eligible: false, reason: 'TIER_TOO_LOW', detail: { requiredTier: 'advanced' } },
    });
    const view = await render(<PackCard pack={locked} onRedeem={onRedeem} />);
    expect(view.text()).toContain('达到进阶层即可兑换');
    await view.click('进阶层专享');
    expect(onRedeem).not.toHaveBeenCalled();
  });

  it('shows cost, stock, limit and schedule; redeemable opens the confirm', async () => {
    const onRedeem = jest.fn();
    const lunch = pack({ scene: 'lunch', scheduleText: '工作日 11:30–13:30', cost: 30, stockLeft: null, limitPeriod: 'day' });
    const view = await render(<PackCard pack={lunch} onRedeem={onRedeem} />);
    for (const text of ['30', '不限量', '每天限兑 1 次', '工作日 11:30–13:30', '工作日午间']) expect(view.text()).toContain(text);
    await view.click('立即兑换');
    expect(onRedeem).toHaveBeenCalledTimes(1);
  });
});

describe('BadgeCeremony', () => {
  it('shows the badge, its rarity, 收下, and 分享 for the badge card', async () => {
    const accept = jest.fn();
    const share = jest.fn();
    const view = await render(
      <BadgeCeremony badge={{ ...firstBadge, rarity: 'rare', rarityPct: 3.2 }} onAccept={accept} onShare={share} />,
    );
    expect(view.text()).toContain('解锁新徽章');
    expect(view.text()).toContain('初次签到');
    expect(view.text()).toContain('稀有 · 仅 3.2% 的会员获得');
    await view.click('收下');
    expect(accept).toHaveBeenCalled();
    await view.click('分享');
    expect(share).toHaveBeenCalled();
  });
});

describe('TeamCeremony', () => {
  it('shows the challenge won and what each member got, then 收下', async () => {
    const accept = jest.fn();
    const view = await render(
      <TeamCeremony
        reward={{
          teamId: 'K7QM2X',
          challengeId: 'winter',
          title: '冬日组队签到挑战',
          icon: '⛄',
          points: 80,
          growth: 50,
          badge: { id: 'team_first', name: '同心协力', icon: '🤝' },
        }}
        onAccept={accept}
      />,
    );
    for (const text of ['组队挑战完成', '冬日组队签到挑战', '+80', '积分', '+50', '成长值', '同心协力'])
      expect(view.text()).toContain(text);
    await view.click('收下');
    expect(accept).toHaveBeenCalled();
  });
});

describe('CheckinButton', () => {
  beforeEach(() => {
    useMemberStore.setState({ status: 'ready', home: homeData() });
    (memberService.home as jest.Mock).mockReturnValue(new Promise(() => undefined));
  });

  it('checks in and turns into 已签到', async () => {
    (checkinService.checkin as jest.Mock).mockResolvedValue({
      date: '2026-11-23',
      alreadyCheckedIn: false,
      streak: { current: 1, best: 1, lastDate: '2026-11-23' },
      reward: { points: 10, growth: 10, bonus: null },
      balance: { points: 10, growth: 10 },
      newBadges: [],
      teams: [],
      newNodes: [],
      tierChanged: null,
    });
    const view = await render(<CheckinButton />);
    expect(view.text()).toContain('今日未签');
    await view.click('签到');
    await flush();
    expect(view.text()).toContain('已签到');
    await view.click('已签到');
    expect(checkinService.checkin).toHaveBeenCalledTimes(1);
  });

  it('tells the member when it failed', async () => {
    (checkinService.checkin as jest.Mock).mockRejectedValue(new CloudCallError('NETWORK', '网络不太顺畅，请检查网络后重试'));
    const view = await render(<CheckinButton />);
    await view.click('签到');
    await flush();
    expect(calls.toasts).toEqual(['网络不太顺畅，请检查网络后重试']);
    expect(view.text()).toContain('今日未签');
  });
});

describe('QrCode', () => {
  it('draws one view per dark run', async () => {
    const view = await render(<QrCode value="K7QM2XRT9PAB" />);
    const runs = view.container.querySelectorAll('.mc-qr__run');
    expect(runs.length).toBeGreaterThan(50);
  });
});

describe('LoadMore', () => {
  const row = (id: string) => ({ id });

  async function listWithFirstPage(fetchPage: jest.Mock<Promise<Page<{ id: string }>>, [string | null]>) {
    const useList = create<PagedList<{ id: string }>>()(createPagedList(fetchPage));
    await useList.getState().load();
    return useList;
  }

  async function scrollToBottom() {
    await act(async () => {
      reachBottom();
      await new Promise((r) => setTimeout(r, 0));
    });
  }

  it('loads the next page when the member scrolls to the bottom, and says when there is no more', async () => {
    const fetchPage = jest
      .fn<Promise<Page<{ id: string }>>, [string | null]>()
      .mockResolvedValueOnce({ items: [row('a')], nextCursor: 'c1' })
      .mockResolvedValueOnce({ items: [row('b')], nextCursor: null });
    const useList = await listWithFirstPage(fetchPage);
    const view = await render(<LoadMore list={useList} />);
    expect(view.text()).toBe('上滑加载更多');
    await scrollToBottom();
    expect(fetchPage).toHaveBeenLastCalledWith('c1');
    expect(useList.getState().items.map((r) => r.id)).toEqual(['a', 'b']);
    expect(view.text()).toBe('没有更多了');
    await scrollToBottom();
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it('turns a failed page into a retry row that loads it', async () => {
    const fetchPage = jest
      .fn<Promise<Page<{ id: string }>>, [string | null]>()
      .mockResolvedValueOnce({ items: [row('a')], nextCursor: 'c1' })
      .mockRejectedValueOnce(new CloudCallError('NETWORK', '网络不太顺畅，请检查网络后重试'))
      .mockResolvedValueOnce({ items: [row('b')], nextCursor: null });
    const useList = await listWithFirstPage(fetchPage);
    const view = await render(<LoadMore list={useList} />);
    await scrollToBottom();
    expect(view.text()).toBe('加载失败，点击重试');
    await view.click('加载失败，点击重试');
    await flush();
    expect(fetchPage.mock.calls.map((c) => c[0])).toEqual([null, 'c1', 'c1']);
    expect(useList.getState().items.map((r) => r.id)).toEqual(['a', 'b']);
    expect(view.text()).toBe('没有更多了');
  });
});
