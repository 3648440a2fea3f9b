/**
 * The brand's program in the browser, on the demo program with its campaigns (dates fixed in
 * content/demo, the clock set around them): the campaign banner in each phase (预热 with its
 * countdown and the packs to come, 进行 with the boost on the check-in card, 回顾 with the
 * member's own figures and the recap card), a pack locked until a tree node is lit — with its
 * reason —, the tree saying what each node unlocks, the tier page, the birthday gift and 公益同行.
 */
import { newOpenid } from './support/cloud';
import { memberSuite } from './support/suite';
import { go, notSee, pageText, see, shot, takeCeremonies, tap, tapTab } from './support/ui';

/** Takes part in 会员感恩季 (live 11-23 … 12-20) and gives to charity. */
const xia = newOpenid('Program');
/** A member who never joined anything: sees the pre-heat. */
const newcomer = newOpenid('Preheat');

/** Shanghai wall-clock time as an instant. */
const sh = (wall: string) => `${wall.replace(' ', 'T')}+08:00`;

const suite = memberSuite('program', {
  campaigns: true,
  async setup(cloud) {
    // 夏天 joins: five days of check-ins in 会员感恩季, its badge, a gift to 山区儿童阅读角.
    for (const day of ['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']) {
      cloud.lc.setClock(sh(`${day} 08:30:00`));
      await cloud.call(xia, 'checkin', { action: 'checkin' });
    }
    await cloud.call(xia, 'member', { action: 'profile', nickname: '夏天', birthday: '12-08' });
    await cloud.call(xia, 'member', { action: 'donate', projectId: 'reading_corner', points: 30, requestId: 'e2e_program_don_1' });
    const wall = await cloud.call<{ badges: Array<{ id: string; earned: boolean }> }>(xia, 'member', { action: 'badges' });
    await cloud.call(xia, 'member', { action: 'badgesSeen', badgeIds: wall.badges.filter((b) => b.earned).map((b) => b.id) });
  },
});

test('pre-heat: home counts down to the campaign and shows the packs to come', async () => {
  const { page } = suite.member;
  suite.cloud.lc.setClock(sh('2026-11-21 10:00:00'));
  await go(page, suite.cloud.appUrl(newcomer));
  await see(page, '会员感恩季');
  const text = await pageText(page);
  expect(text).toContain('预热中');
  expect(text).toContain('2 天后开始 · 11月23日');
  expect(text).toContain('即将上线：感恩季限定礼盒、线下沙龙席位');
  await shot(page, '40-campaign-preheat');
  await tap(page, '会员感恩季');
  await see(page, '活动预告');
  const detail = await pageText(page);
  expect(detail).toContain('天后开始');
  expect(detail).toContain('活动期间签到积分 2 倍 · 成长值 1.5 倍');
  expect(detail).toContain('即将上线的福利');
  await shot(page, '41-campaign-preheat-detail');
});

test('live: the banner and the check-in card show the boost, and the check-in says what it added', async () => {
  const { page } = suite.member;
  suite.cloud.lc.setClock(sh('2026-11-30 09:00:00'));
  await go(page, suite.cloud.appUrl(xia));
  await see(page, '还剩 21 天');
  await takeCeremonies(page);
  const text = await pageText(page);
  expect(text).toContain('已获得「感恩季同行」徽章');
  expect(text).toContain('「会员感恩季」进行中：今日签到积分 2 倍 · 成长值 1.5 倍');
  await shot(page, '42-campaign-live-home');
  await tap(page, '签到');
  await takeCeremonies(page);
  await see(page, '含「会员感恩季」加成 +10 积分 · +5 成长值');
  expect(await pageText(page)).toContain('签到成功 +20 积分 · +15 成长值');
  await shot(page, '43-campaign-live-checked-in');
  // The history says which campaign multiplied it.
  await go(page, suite.cloud.appUrl(xia, 'packages/profile/pages/ledger/index'));
  await see(page, '会员感恩季 · 积分 ×2 · 成长值 ×1.5');
});

test('the birthday month: the gift with its ceremony, once', async () => {
  const { page } = suite.member;
  suite.cloud.lc.setClock(sh('2026-12-08 09:00:00'));
  await go(page, suite.cloud.appUrl(xia));
  await see(page, '生日快乐');
  expect(await pageText(page)).toContain('生日礼 +88 积分 · +20 成长值 已到账');
  await shot(page, '51-birthday-gift');
  await tap(page, '×');
  await go(page, suite.cloud.appUrl(xia));
  await see(page, '🎂 生日月');
  await page.waitForTimeout(800);
  expect(await pageText(page)).not.toContain('生日快乐');
});

test('a pack that needs a tree node says so, in words', async () => {
  const { page } = suite.member;
  await go(page, suite.cloud.appUrl(xia, 'packages/benefits/pages/list/index'));
  await see(page, '进阶课程');
  const text = await pageText(page);
  expect(text).toContain('点亮「进阶课程」节点后可兑换');
  expect(text).toContain('成长树解锁');
  await page.getByText('进阶课程', { exact: true }).first().scrollIntoViewIfNeeded();
  await shot(page, '47-pack-locked-by-node');
  await tapTab(page, '进阶层');
  await see(page, '导师计划报名券');
});

test('the tree shows each node’s rule, progress and what it unlocks', async () => {
  const { page } = suite.member;
  await go(page, suite.cloud.appUrl(xia, 'packages/tree/pages/tree/index'));
  await see(page, '下一个节点');
  const text = await pageText(page);
  for (const s of [
    '坚持',
    '学习',
    '社群',
    '公益',
    '解锁：导师计划报名券',
    '解锁：公益同行电子证书',
    '点亮条件：累计签到 14 天',
    // 社群达人: a team challenge completed with teammates (the team challenges count for nodes too).
    '点亮条件：和队友完成 1 次组队挑战',
    '已点亮',
  ]) {
    expect(text).toContain(s);
  }
  await shot(page, '48-tree-unlocks');
  await page.getByText('公益初心').first().scrollIntoViewIfNeeded();
  await shot(page, '49-tree-charity-branch');
});

test('the tier page: what each tier gives, what it takes to reach and keep it', async () => {
  const { page } = suite.member;
  await go(page, suite.cloud.appUrl(xia));
  await tap(page, '等级权益 ›');
  await see(page, '升级礼');
  const text = await pageText(page);
  for (const s of ['基础层', '进阶层', '核心层', '当前等级', '近 12 个月成长值 ≥ 350', '100 积分 + 「会员优先购」券一张', '还差']) {
    expect(text).toContain(s);
  }
  await shot(page, '50-tier-page');
});

test('公益同行: progress, my share, the certificate, and a gift of points', async () => {
  const { page } = suite.member;
  await go(page, suite.cloud.appUrl(xia, 'packages/program/pages/charity/index'));
  await see(page, '山区儿童阅读角');
  let text = await pageText(page);
  expect(text).toContain('公益同行电子证书');
  expect(text).toContain('我已捐赠 30 积分');
  await shot(page, '52-charity');
  await tap(page, '捐赠积分');
  await see(page, '捐赠给「山区儿童阅读角」');
  await tap(page, '50');
  await tap(page, '确认捐赠 50 积分');
  await see(page, '感谢你的善意');
  text = await pageText(page);
  expect(text).toContain('已捐赠 50 积分，累计 80 积分');
  await shot(page, '53-charity-thanks');
});

test('recap: the member’s own figures and a recap card to save, with no reward wording', async () => {
  const { page } = suite.member;
  suite.cloud.lc.setClock(sh('2026-12-22 10:00:00'));
  await go(page, suite.cloud.appUrl(xia));
  await see(page, '活动回顾 ›');
  expect(await pageText(page)).toContain('已结束 · 11月23日–12月20日');
  await shot(page, '44-campaign-recap-home');
  await tap(page, '活动回顾 ›');
  await see(page, '我的活动回顾');
  await see(page, '签到天数');
  const text = await pageText(page);
  // Six check-ins (11-25 … 11-30) of the 28 live days.
  expect(text).toMatch(/6\s*签到天数/);
  expect(text).toContain('其中活动加成多得');
  expect(text).toContain('感恩季同行');
  await shot(page, '45-campaign-recap');
  await tap(page, '生成回顾卡片');
  await see(page, '活动回顾卡片');
  await page.locator('img[src^="data:image/png"]').first().waitFor({ state: 'visible', timeout: 15_000 });
  await shot(page, '46-campaign-recap-card');
  // The card's pixels are the poster; its words are checked in features/poster/recapLayout.test.ts.
  await tap(page, '×');
  await notSee(page, '活动回顾卡片');
});
