import { createFunction } from '../_common/function';
import { bind } from './bind';
import { card } from './card';
import { mine } from './mine';

export const main = createFunction('invite', { card, bind, mine });
