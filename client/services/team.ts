/** The `team` cloud function (组队挑战赛). */
import { callFunction } from './cloud/callFunction';

export const teamService = {
  challenges: () => callFunction('team', 'challenges', {}),
  create: (challengeId: string) => callFunction('team', 'create', { challengeId }),
  join: (code: string) => callFunction('team', 'join', { code }),
  preview: (code: string) => callFunction('team', 'preview', { code }),
  leave: (teamId: string) => callFunction('team', 'leave', { teamId }),
  mine: (challengeId: string) => callFunction('team', 'mine', { challengeId }),
  card: (teamId: string) => callFunction('team', 'card', { teamId }),
  seen: (teamId: string) => callFunction('team', 'seen', { teamId }),
};
