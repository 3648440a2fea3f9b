/**
 * Every page of the app in one place (the same list as app.config.ts). Home is the main
 * package; everything else is a subpackage, loaded on first visit.
 */
import Taro from '@tarojs/taro';

export const ROUTES = {
  home: '/pages/index/index',
  checkin: '/packages/checkin/pages/calendar/index',
  badges: '/packages/badges/pages/wall/index',
  tree: '/packages/tree/pages/tree/index',
  benefits: '/packages/benefits/pages/list/index',
  vouchers: '/packages/benefits/pages/vouchers/index',
  invite: '/packages/invite/pages/card/index',
  rules: '/packages/invite/pages/rules/index',
  leaderboard: '/packages/invite/pages/leaderboard/index',
  challenges: '/packages/team/pages/list/index',
  team: '/packages/team/pages/team/index',
  teamJoin: '/packages/team/pages/join/index',
  verify: '/packages/staff/pages/verify/index',
  profile: '/packages/profile/pages/profile/index',
  ledger: '/packages/profile/pages/ledger/index',
  privacy: '/packages/profile/pages/privacy/index',
  tiers: '/packages/program/pages/tiers/index',
  campaign: '/packages/program/pages/campaign/index',
  charity: '/packages/program/pages/charity/index',
  opsDashboard: '/packages/ops/pages/dashboard/index',
  opsOffice: '/packages/ops/pages/office/index',
  opsMember: '/packages/ops/pages/member/index',
  opsStaff: '/packages/ops/pages/staff/index',
  opsAudit: '/packages/ops/pages/audit/index',
  memberCode: '/packages/membercode/pages/code/index',
  myEvents: '/packages/events/pages/mine/index',
  eventCheckin: '/packages/staff/pages/event-checkin/index',
} as const;

export type RouteName = keyof typeof ROUTES;

/** A page's URL with its query. */
export function routeUrl(route: RouteName, query?: Record<string, string>): string {
  const qs = query
    ? Object.entries(query)
        .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
        .join('&')
    : '';
  return qs ? `${ROUTES[route]}?${qs}` : ROUTES[route];
}

export function go(route: RouteName, query?: Record<string, string>): void {
  void Taro.navigateTo({ url: routeUrl(route, query) });
}

/**
 * Replaces the current page, keeping the page stack short (the join page, once joined, becomes
 * the team page; one campaign to another).
 */
export function replaceWith(route: RouteName, query?: Record<string, string>): void {
  void Taro.redirectTo({ url: routeUrl(route, query) });
}

/** Back to home from anywhere (e.g. after account deletion), closing every page. */
export function relaunchHome(): void {
  void Taro.reLaunch({ url: ROUTES.home });
}
