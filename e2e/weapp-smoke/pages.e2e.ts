/**
 * @jest-environment jsdom
 *
 * The weapp build, page by page, rendered by miniprogram-simulate with WeChat's own WXML
 * compiler: each page of dist/weapp shows its content (from canned cloud answers), and the
 * main interactions run through Taro's weapp runtime (a tap on 签到 calls the cloud and updates
 * the card). globalSetup builds dist/weapp.
 */
import { cloudCalls, renderPage, setCloud, type RenderedPage } from './harness';
import { fakeCloud, resetFakeCloud } from './fakeCloud';

let open: RenderedPage | null = null;
let consoleErrors: unknown[][] = [];
const realError = console.error;

beforeAll(() => setCloud(fakeCloud));
beforeEach(() => {
  consoleErrors = [];
  console.error = (...args: unknown[]) => {
    consoleErrors.push(args);
    realError(...args);
  };
});
afterEach(() => {
  resetFakeCloud();
  open?.close();
  open = null;
  cloudCalls.length = 0;
  console.error = realError;
  // A page that logs an error fails, as in the browser tests.
  expect(consoleErrors).toEqual([]);
});

async function show(route: string, query?: Record<string, string>): Promise<string> {
  open = await renderPage(route, query);
  return open.text();
}

test('home: member card, check-in, shortcuts, staff entry — from one cloud call', async () => {
  const text = await show('pages/index/index');
  for (const s of [
    '小林',
    '基础层',
    '160',
    '再获得 170 成长值升级进阶层',
    '已连续签到 4 天',
    '再签 3 天，连续 7 天额外得 30 积分',
    '徽章墙',
    '成长树',
    '专属福利',
    '邀请好友',
    '核销券码',
    '为你推荐',
    '健康福利包',
    '冬日组队签到挑战',
    '你的队伍还差 6 次签到',
  ]) {
    expect(text).toContain(s);
  }
  expect(text).not.toContain('数据看板');
  expect(cloudCalls).toEqual([{ name: 'member', action: 'home' }]);
});

test('home: tapping 签到 checks in through wx.cloud and updates the card', async () => {
  await show('pages/index/index');
  await open!.tap('签到');
  const text = open!.text();
  expect(cloudCalls.map((c) => `${c.name}.${String(c.action)}`)).toContain('checkin.checkin');
  expect(text).toContain('签到成功 +10 积分 · +10 成长值');
  expect(text).toContain('已签到');
});

test('benefits: confirm a redeem (random requestId from wx.getRandomValues) and see the voucher', async () => {
  await show('packages/benefits/pages/list/index');
  await open!.tap('立即兑换');
  expect(open!.text()).toContain('兑换后剩余');
  await open!.tap('确认兑换 · 80 积分');
  const text = open!.text();
  expect(text).toContain('兑换成功');
  expect(text).toContain('K7QM-2XRT-9PAB');
  expect(cloudCalls.filter((c) => c.action === 'redeem')).toHaveLength(1);
});

const PAGES: Array<[string, string[]]> = [
  ['packages/checkin/pages/calendar/index', ['2026年11月', '当前连续', '最长连续', '本月签到', '已签到', '连续签到奖励']],
  ['packages/badges/pages/wall/index', ['枚徽章已点亮', '初次签到', '11月12日获得', '七日坚持', '还差 3 天', '传说']],
  [
    'packages/tree/pages/tree/index',
    [
      '累计成长值 130',
      '下一个节点',
      '进阶课程',
      '坚持',
      '学习',
      '社群',
      '公益',
      '已点亮',
      '解锁：导师计划报名券',
      '解锁：公益同行电子证书',
    ],
  ],
  [
    'packages/benefits/pages/list/index',
    ['我的积分', '160', '基础层', '健康福利包', '立即兑换', '工作日午间福利包', '工作日 11:30–13:30', '开放'],
  ],
  ['packages/benefits/pages/vouchers/index', ['未使用', '健康福利包', 'K7QM-2XRT-9PAB', '有效期至 12月3日 23:59']],
  [
    'packages/invite/pages/card/index',
    [
      '邀你一起加入会员社群',
      'K7QM2XRT',
      '发送给好友',
      '生成海报',
      '我的邀请',
      '小周',
      '已激活 · 已奖励',
      '阿青',
      '待激活',
      '已签到 1/3 天',
    ],
  ],
  [
    'packages/invite/pages/rules/index',
    [
      '邀请好友',
      '3 个不同的日子完成签到',
      '50 积分 + 30 成长值',
      '新会员激活奖励 30 积分 + 10 成长值',
      '每日签到',
      '会员等级',
      '生日特权',
      '会员活动',
      '积分与专属福利',
    ],
  ],
  ['packages/staff/pages/verify/index', ['核销会员券', '扫码核销', '核销']],
  [
    'packages/profile/pages/profile/index',
    [
      '点击头像更换',
      '昵称',
      '会员等级',
      '加入时间',
      '2026年11月1日',
      '消息提醒',
      '签到提醒',
      '还可提醒 2 次',
      '撤回',
      '保存资料',
      '用户隐私保护指引',
      '注销账号',
    ],
  ],
  [
    'packages/profile/pages/ledger/index',
    ['可用积分', '兑换福利', '-80 积分', '邀请奖励', '+50 积分', '每日签到', '会员感恩季 · 积分 ×2 · 成长值 ×1.5', '没有更多了'],
  ],
  ['packages/profile/pages/privacy/index', ['我们收集的信息', '微信用户标识（OpenID）', '你的权利', '注销账号']],
  ['packages/invite/pages/leaderboard/index', ['2026年11月邀请榜', '第 2 名', '小周', '小林（我）', '匿名会员', '在榜单上显示我的昵称']],
  ['packages/team/pages/list/index', ['组队挑战赛', '冬日组队签到挑战', '我的队伍 · 3 人', '你的队伍还差 6 次签到', '有好友的队伍码？']],
  [
    'packages/program/pages/tiers/index',
    ['基础层', '进阶层', '核心层', '当前等级', '升级礼', '100 积分 + 「会员优先购」券一张', '还差 170 成长值'],
  ],
  ['packages/program/pages/charity/index', ['公益同行电子证书', '山区儿童阅读角', '已筹', '12,500', '我已捐赠 30 积分', '捐赠积分']],
  ['packages/membercode/pages/code/index', ['2005 1238 6454 3455 54', '会员码每 30 秒自动刷新']],
  ['packages/events/pages/mine/index', ['参加活动（场）', '近期活动', '咖啡品鉴入门课', '到场签到 +40 积分 · +30 成长值', '周末读书会']],
  ['packages/staff/pages/event-checkin/index', ['今天的活动', '咖啡品鉴入门课', '已签到 3 人']],
];

test('the team page shows the bar, each member’s own contribution, and the share without reward wording', async () => {
  const text = await show('packages/team/pages/team/index', { challenge: 'winter_checkin_team' });
  for (const s of [
    '冬日组队签到挑战',
    '54',
    '/ 60 次签到',
    '你的队伍还差 6 次签到',
    '队员 3/5',
    '小林',
    '队长',
    '签到 20 次',
    '虚位以待',
    '邀请好友加入',
    '生成海报',
    'K7QM2X',
  ])
    expect(text).toContain(s);
  expect(text).toContain('分享本身没有任何奖励');
  expect(cloudCalls).toEqual([{ name: 'team', action: 'mine' }]);
});

test('the join page a friend lands on: who invites, the challenge, 加入队伍', async () => {
  const text = await show('packages/team/pages/join/index', { team: 'K7QM2X', inviteCode: 'K7QM2XRT' });
  for (const s of ['小周', '邀你加入 TA 的队伍', '冬日组队签到挑战', '2/5 人', '队员累计签到 60 次', '加入队伍']) expect(text).toContain(s);
});

test.each(PAGES)('%s shows its content', async (route, expected) => {
  const text = await show(route);
  for (const s of expected) expect(text).toContain(s);
});

test('the ops dashboard page (written separately) renders, and refuses a member without the ops role', async () => {
  const text = await show('packages/ops/pages/dashboard/index');
  expect(text).toContain('运营');
  expect(cloudCalls.some((c) => c.name === 'ops')).toBe(true);
});

test.each([
  ['packages/ops/pages/office/index', {}],
  ['packages/ops/pages/member/index', { openid: 'oMember000000000000000000001' }],
  ['packages/ops/pages/staff/index', {}],
  ['packages/ops/pages/audit/index', {}],
])('the back office page %s renders, locked for a member without the ops role', async (route, query) => {
  const text = await show(route, query);
  expect(text).toContain('仅限运营人员');
  expect(cloudCalls.some((c) => c.name === 'ops')).toBe(true);
});
