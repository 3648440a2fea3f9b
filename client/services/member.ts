/** The `member` cloud function, one typed call per action. */
import { callFunction } from './cloud/callFunction';

export const memberService = {
  home: () => callFunction('member', 'home', {}),
  badges: () => callFunction('member', 'badges', {}),
  badgesSeen: (badgeIds?: string[]) => callFunction('member', 'badgesSeen', badgeIds ? { badgeIds } : {}),
  tree: () => callFunction('member', 'tree', {}),
  ledger: (cursor?: string | null, limit = 20) => callFunction('member', 'ledger', cursor ? { cursor, limit } : { limit }),
  profile: (change: { nickname?: string; avatarFileId?: string; leaderboardOptIn?: boolean; birthday?: string }) =>
    callFunction('member', 'profile', change),
  badgeCard: (badgeId: string) => callFunction('member', 'badgeCard', { badgeId }),
  deleteAccount: () => callFunction('member', 'deleteAccount', { confirm: true }),
  program: () => callFunction('member', 'program', {}),
  recap: (campaignId: string) => callFunction('member', 'recap', { campaignId }),
  charity: () => callFunction('member', 'charity', {}),
  donate: (projectId: string, points: number, requestId: string) => callFunction('member', 'donate', { projectId, points, requestId }),
  code: () => callFunction('member', 'code', {}),
};
