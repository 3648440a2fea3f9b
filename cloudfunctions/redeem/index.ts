import { createFunction } from '../_common/function';
import { cancel } from './cancel';
import { list } from './list';
import { mine } from './mine';
import { peek } from './peek';
import { redeem } from './redeem';
import { verify } from './verify';

export const main = createFunction('redeem', { list, redeem, mine, verify, peek, cancel });
