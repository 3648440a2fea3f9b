import { createFunction } from '../_common/function';
import { bind } from './bind';
import { card } from './card';
import { leaderboard } from './leaderboard';
import { mine } from './mine';

export const main = createFunction('invite', { card, bind, mine, leaderboard });
