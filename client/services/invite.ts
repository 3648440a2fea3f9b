/** The `invite` cloud function. */
import { callFunction } from './cloud/callFunction';

export const inviteService = {
  card: () => callFunction('invite', 'card', {}),
  bind: (code: string) => callFunction('invite', 'bind', { code }),
  mine: () => callFunction('invite', 'mine', {}),
  leaderboard: () => callFunction('invite', 'leaderboard', { period: 'month' }),
};
