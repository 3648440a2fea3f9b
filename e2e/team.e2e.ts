/**
 * 组队挑战赛, end to end in the browser: a member finds a challenge from home, creates a team and
 * shares it; a friend new to the program opens the shared team path, is bound by the invite
 * rules and joins; both check in (the bar moves in the check-in's own answer); the goal is met
 * and each sees the reward ceremony — the one who completed it at once, the other on the next
 * visit. The team poster is drawn without reward wording.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openAsMember, type MemberPage } from './support/browser';
import { newOpenid, startTestCloud, type TestCloud } from './support/cloud';
import { closeAll } from './support/suite';
import { expectNoConsoleErrors, go, notSee, pageText, see, shot, tap } from './support/ui';

const ROOT = path.resolve(__dirname, '..');
const DAY1 = '2026-12-01T02:00:00.000Z'; // 10:00 Shanghai
const DAY2 = '2026-12-02T01:00:00.000Z';

/** The demo program plus a short challenge: two members, three check-ins. */
function seedDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-team-seed-'));
  const demo = path.join(ROOT, 'content', 'demo');
  for (const f of fs.readdirSync(demo)) fs.copyFileSync(path.join(demo, f), path.join(dir, f));
  const challenges = JSON.parse(fs.readFileSync(path.join(demo, 'challenges.json'), 'utf8')) as unknown[];
  challenges.unshift({
    _id: 'e2e_duo',
    title: '双人打卡挑战',
    description: '两人一队，队员签到累计 3 次即完成。奖励只来自队员自己的签到。',
    icon: '🏃',
    joinFrom: '2026-11-28',
    startAt: '2026-12-01',
    endAt: '2026-12-10',
    joinGraceHours: 48,
    teamSize: { min: 2, max: 3 },
    goal: { metric: 'checkins', target: 3 },
    reward: { points: 40, growth: 20 },
  });
  fs.writeFileSync(path.join(dir, 'challenges.json'), JSON.stringify(challenges));
  return dir;
}

let cloud: TestCloud;
let browser: Browser;
let captain: MemberPage;
let friend: MemberPage;
let seed: string;
const captainId = newOpenid('Captain');
const friendId = newOpenid('Mate');
let teamLink = '';

beforeAll(async () => {
  seed = seedDir();
  cloud = await startTestCloud('team', { seedDir: seed });
  cloud.lc.setClock(DAY1);
  await cloud.call(captainId, 'member', { action: 'profile', nickname: '小林' });
  browser = await launchBrowser();
  captain = await openAsMember(browser);
  friend = await openAsMember(browser);
});

afterAll(async () => {
  await closeAll(captain, friend, browser, cloud);
  fs.rmSync(seed, { recursive: true, force: true });
});

afterEach(() => {
  expectNoConsoleErrors(captain);
  expectNoConsoleErrors(friend);
});

/** Takes every badge ceremony that shows (a first check-in lights one). */
async function takeBadges(page: Page): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await page.waitForTimeout(600);
    if (!(await page.getByText('解锁新徽章').filter({ visible: true }).count())) return;
    await tap(page, '收下');
  }
}

async function checkInAtHome(page: Page, openid: string): Promise<void> {
  await go(page, cloud.appUrl(openid));
  await see(page, '今日未签');
  await tap(page, '签到');
  await see(page, /签到成功/);
}

test('from home to the challenge list, the captain creates a team and sees what it takes', async () => {
  const { page } = captain;
  await go(page, cloud.appUrl(captainId));
  await see(page, /个挑战正在组队/);
  await tap(page, '组队挑战赛');
  await see(page, '双人打卡挑战');
  expect(await pageText(page)).toContain('分享本身没有任何奖励');
  await shot(page, '41-team-challenges');

  await tap(page, '双人打卡挑战');
  await see(page, '创建队伍');
  await tap(page, '创建队伍');
  await see(page, '还差 1 人，人齐即开始计数');
  const text = await pageText(page);
  expect(text).toContain('队员 1/3');
  expect(text).toContain('虚位以待');
  expect(text).toMatch(/完成后每人\s*40 积分 \+ 20 成长值/);
  await shot(page, '42-team-created');
});

test('the team poster is drawn with the join page’s code, without reward wording', async () => {
  const { page } = captain;
  await tap(page, '生成海报');
  await see(page, '组队海报');
  const img = page.locator('.mc-poster-sheet__img img, img.mc-poster-sheet__img').filter({ visible: true }).first();
  await img.waitFor({ state: 'visible', timeout: 15_000 });
  expect(await img.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  await shot(page, '43-team-poster');
  const [download] = await Promise.all([page.waitForEvent('download'), tap(page, '下载海报')]);
  expect(download.suggestedFilename()).toBe('组队海报.png');
  await page.locator('.mc-sheet__close').filter({ visible: true }).click();
});

test('sharing copies the team path; a new friend opens it, is welcomed by the invite rules and joins', async () => {
  const { page, context } = captain;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: cloud.url });
  await tap(page, '邀请好友加入');
  await see(page, '链接已复制');
  teamLink = await page.evaluate(() => navigator.clipboard.readText());
  expect(teamLink).toMatch(/#\/packages\/team\/pages\/join\/index\?team=[2-9A-HJKMNP-Z]{6}&inviteCode=[2-9A-HJKMNP-Z]{8}$/);

  const url = new URL(teamLink);
  url.searchParams.set('member', friendId);
  await go(friend.page, url.toString());
  await see(friend.page, '邀你加入 TA 的队伍');
  await see(friend.page, '你已接受「小林」的邀请');
  const text = await pageText(friend.page);
  expect(text).toContain('小林');
  expect(text).toContain('双人打卡挑战');
  expect(text).toContain('1/3 人');
  await shot(friend.page, '44-team-join-page');

  await tap(friend.page, '加入队伍');
  await see(friend.page, '队员 2/3');
  await see(friend.page, '你的队伍还差 3 次签到');
  await shot(friend.page, '45-team-joined');
});

test('each check-in moves the bar in its own answer', async () => {
  const { page } = captain;
  await go(page, cloud.appUrl(captainId));
  await see(page, '你的队伍还差 3 次签到');
  await tap(page, '签到');
  await see(page, '你的队伍还差 2 次签到');
  await takeBadges(page);
  expect(await pageText(page)).toContain('1/3');
  await shot(page, '46-home-team-line');

  await checkInAtHome(friend.page, friendId);
  await see(friend.page, '你的队伍还差 1 次签到');
  await takeBadges(friend.page);
});

test('the goal is met: the member who completed it sees the ceremony now, the other on the next visit', async () => {
  cloud.lc.setClock(DAY2);
  const { page } = captain;
  await checkInAtHome(page, captainId);
  await takeBadges(page);
  await see(page, '组队挑战完成');
  const text = await pageText(page);
  expect(text).toContain('双人打卡挑战');
  expect(text).toContain('+40');
  expect(text).toContain('奖励已发到每位队员');
  await shot(page, '47-team-ceremony');
  await tap(page, '收下');
  await notSee(page, '组队挑战完成');
  await see(page, '挑战完成，奖励已发到每位队员');

  // The friend was not there when it happened: the ceremony waits for the next visit, once.
  await go(friend.page, cloud.appUrl(friendId));
  await takeBadges(friend.page);
  await see(friend.page, '组队挑战完成');
  await tap(friend.page, '看看队伍');
  await see(friend.page, '🎉 挑战完成');
  const page2 = await pageText(friend.page);
  expect(page2).toContain('奖励已发放：40 积分 + 20 成长值');
  expect(page2).toMatch(/签到 [12] 次/);
  await shot(friend.page, '48-team-completed');
  await go(friend.page, cloud.appUrl(friendId));
  await see(friend.page, '挑战完成，奖励已发到每位队员');
  await friend.page.waitForTimeout(1000);
  expect(await pageText(friend.page)).not.toContain('组队挑战完成');
});
