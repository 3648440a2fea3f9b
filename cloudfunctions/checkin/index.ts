import { createFunction } from '../_common/function';
import { calendar } from './calendar';
import { checkin } from './checkin';

export const main = createFunction('checkin', { checkin, calendar });
