import { createFunction } from '../_common/function';
import { adjust } from './adjust';
import { setBirthday } from './setBirthday';
import { stats } from './stats';
import { validate } from './validate';

/** Every ops action is for staff with role `ops`: checked (fail closed) before any action runs. */
export const main = createFunction('ops', { validate, stats, adjust, setBirthday }, { role: 'ops' });
