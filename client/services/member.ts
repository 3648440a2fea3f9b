/** The `member` cloud function, one typed call per action. */
import { callFunction } from './cloud/callFunction';

export const memberService = {
  home: () => callFunction('member', 'home', {}),
  badges: () => callFunction('member', 'badges', {}),
  badgesSeen: (badgeIds?: string[]) => callFunction('member', 'badgesSeen', badgeIds ? { badgeIds } : {}),
  tree: () => callFunction('member', 'tree', {}),
  ledger: (cursor?: string | null, limit = 20) => callFunction('member', 'ledger', cursor ? { cursor, limit } : { limit }),
  profile: (change: { nickname?: string; avatarFileId?: string }) => callFunction('member', 'profile', change),
  deleteAccount: () => callFunction('member', 'deleteAccount', { confirm: true }),
  code: () => callFunction('member', 'code', {}),
};
