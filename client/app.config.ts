/**
 * Pages and subpackages, in one place (client/routes.ts has the same paths for navigation).
 * The main package holds home only; every other page loads with its subpackage on first visit.
 */
export default defineAppConfig({
  pages: ['pages/index/index'],
  subPackages: [
    { root: 'packages/checkin', pages: ['pages/calendar/index'] },
    { root: 'packages/badges', pages: ['pages/wall/index'] },
    { root: 'packages/tree', pages: ['pages/tree/index'] },
    { root: 'packages/benefits', pages: ['pages/list/index', 'pages/vouchers/index'] },
    { root: 'packages/invite', pages: ['pages/card/index', 'pages/rules/index', 'pages/leaderboard/index'] },
    // 组队挑战赛: the challenge list, a team's page (share card, poster) and the page a friend lands on.
    { root: 'packages/team', pages: ['pages/list/index', 'pages/team/index', 'pages/join/index'] },
    { root: 'packages/staff', pages: ['pages/verify/index', 'pages/event-checkin/index'] },
    { root: 'packages/profile', pages: ['pages/profile/index', 'pages/ledger/index', 'pages/privacy/index'] },
    // The brand's program: tiers, campaigns (with the recap card), 公益同行.
    { root: 'packages/program', pages: ['pages/tiers/index', 'pages/campaign/index', 'pages/charity/index'] },
    { root: 'packages/membercode', pages: ['pages/code/index'] },
    { root: 'packages/events', pages: ['pages/mine/index'] },
    // Ops only (home links to it for role 'ops'): the dashboard and the back office (find a member, their page, staff, audit).
    {
      root: 'packages/ops',
      pages: ['pages/dashboard/index', 'pages/office/index', 'pages/member/index', 'pages/staff/index', 'pages/audit/index'],
    },
  ],
  // Opening home preloads what members open next from it.
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packages/checkin', 'packages/benefits'] },
  },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#f6f4f0',
    navigationBarTitleText: '会员中心',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f6f4f0',
  },
  // Only the components a page uses are injected: smaller start-up (WeChat's recommendation).
  lazyCodeLoading: 'requiredComponents',
});
