import { createFunction } from '../_common/function';
import { card } from './card';
import { challenges } from './challenges';
import { create } from './create';
import { join } from './join';
import { leave } from './leave';
import { mine } from './mine';
import { preview } from './preview';
import { seen } from './seen';

export const main = createFunction('team', { challenges, create, join, preview, leave, mine, card, seen });
