/**
 * The invite leaderboard and the badge card, in the browser: the month's board names only
 * members who switched it on (everyone else is 匿名会员) and follows a member's switch at once;
 * a freshly earned badge, shared from its unlock ceremony, becomes a card with the badge wall's
 * mini-program code, without reward wording.
 */
import { newOpenid, opsGrant, type TestCloud } from './support/cloud';
import { memberSuite } from './support/suite';
import { go, notSee, pageText, see, shot, tap } from './support/ui';

const lin = newOpenid('BoardLin'); // opted in
const qing = newOpenid('BoardQing'); // not opted in
const viewer = newOpenid('BoardView');

/** The names on the board's rows (the page's own copy mentions 匿名会员 too). */
async function boardNames(page: import('playwright-core').Page): Promise<string[]> {
  return (await page.locator('.lb-row__name').allInnerTexts()).map((t) => t.trim());
}

/** A new friend binds to `inviter`'s code and redeems a first pack (with points ops granted), which activates them. */
async function activatedFriend(cloud: TestCloud, inviter: string, tag: string): Promise<void> {
  const friend = newOpenid(tag);
  const { code } = await cloud.call<{ code: string }>(inviter, 'invite', { action: 'card' });
  await cloud.call(friend, 'invite', { action: 'bind', code });
  await opsGrant(cloud, { openid: friend, points: 100, growth: 0, reason: '测试积分', requestId: `grant-${tag}-0001` });
  await cloud.call(friend, 'redeem', { action: 'redeem', packId: 'basic_points_coupon', requestId: `first-${tag}-0001` });
}

const suite = memberSuite('social', {
  async setup(cloud) {
    cloud.lc.setClock('2026-12-03T02:00:00.000Z');
    await cloud.call(lin, 'member', { action: 'profile', nickname: '小林', leaderboardOptIn: true });
    await cloud.call(qing, 'member', { action: 'profile', nickname: '阿青' });
    await activatedFriend(cloud, lin, 'FriendA');
    await activatedFriend(cloud, lin, 'FriendB');
    await activatedFriend(cloud, qing, 'FriendC');
  },
});

test('the month’s board shows members who opted in by nickname and the others as 匿名会员', async () => {
  const { page } = suite.member;
  await go(page, suite.cloud.appUrl(viewer, 'packages/invite/pages/leaderboard/index'));
  await see(page, '2026年12月邀请榜');
  await see(page, '小林');
  expect(await boardNames(page)).toEqual(['小林', '匿名会员']);
  expect(await pageText(page)).not.toContain('阿青');
  expect(await pageText(page)).toContain('本月还没有好友成为活跃会员');
  await shot(page, '49-invite-leaderboard');
});

test('a member who switches it on appears by nickname from then on', async () => {
  const { page } = suite.member;
  await go(page, suite.cloud.appUrl(qing, 'packages/invite/pages/leaderboard/index'));
  await see(page, '阿青（我）');
  await see(page, '第 2 名');
  await tap(page, '在榜单上显示我的昵称');
  await page.waitForTimeout(800);
  expect(await suite.cloud.call<{ optedIn: boolean }>(qing, 'invite', { action: 'leaderboard', period: 'month' })).toMatchObject({
    optedIn: true,
  });

  await go(page, suite.cloud.appUrl(viewer, 'packages/invite/pages/leaderboard/index'));
  await see(page, '阿青');
  expect(await boardNames(page)).toEqual(['小林', '阿青']);
});

test('a badge shared from its unlock ceremony becomes a card with the badge wall’s code, and no reward wording', async () => {
  const { page } = suite.member;
  await go(page, suite.cloud.appUrl(viewer));
  await see(page, '今日未签');
  await tap(page, '签到');
  await see(page, '解锁新徽章');
  await tap(page, '分享');
  await see(page, '徽章卡');
  // The same first check-in lit 坚持's first node, so 第一片叶 too: its ceremony follows; taken, the card is there.
  await see(page, '第一片叶');
  await tap(page, '收下');
  const img = page.locator('.mc-poster-sheet__img img, img.mc-poster-sheet__img').filter({ visible: true }).first();
  await img.waitFor({ state: 'visible', timeout: 15_000 });
  expect(await img.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  await notSee(page, '解锁新徽章');
  await shot(page, '50-badge-card');
  const [download] = await Promise.all([page.waitForEvent('download'), tap(page, '下载海报')]);
  expect(download.suggestedFilename()).toBe('徽章卡.png');
  await page.locator('.mc-sheet__close').filter({ visible: true }).click();

  // From the wall too: an earned badge's sheet offers 分享徽章卡.
  await tap(page, '初次签到');
  await see(page, '分享徽章卡');
  await shot(page, '51-badge-detail-share');
});
