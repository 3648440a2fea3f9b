import { createFunction } from '../_common/function';
import { adjust } from './adjust';
import { audit } from './audit';
import { exportStats } from './export';
import { member } from './member';
import { ledger, vouchers } from './memberLists';
import { members } from './members';
import { setBirthday } from './setBirthday';
import { setStaff, staff } from './staff';
import { stats } from './stats';
import { validate } from './validate';

/** Every ops action is for staff with role `ops`: checked (fail closed) before any action runs. */
export const main = createFunction(
  'ops',
  { validate, stats, adjust, setBirthday, members, member, ledger, vouchers, audit, staff, setStaff, export: exportStats },
  { role: 'ops' },
);
