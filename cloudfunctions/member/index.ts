import { createFunction } from '../_common/function';
import { badges, badgesSeen } from './badges';
import { code } from './code';
import { deleteAccount } from './deleteAccount';
import { home } from './home';
import { ledger } from './ledger';
import { profile } from './profile';
import { tree } from './tree';

export const main = createFunction(
  'member',
  { home, badges, badgesSeen, tree, ledger, profile, deleteAccount, code },
  // A deletion that died half way is finished by asking again.
  { resumesDeletion: ['deleteAccount'] },
);
