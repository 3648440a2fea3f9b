import { createFunction } from '../_common/function';
import { attend } from './attend';
import { hosting } from './hosting';
import { mine } from './mine';

/**
 * `event` — offline events (线下活动). Members see theirs (`mine`); staff with role `host` or
 * `verifier` see today's events and check members in by their 会员码 (`hosting`, `attend`:
 * the role is checked in each, fail closed).
 */
export const main = createFunction('event', { attend, mine, hosting });
