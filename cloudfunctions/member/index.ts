import { createFunction } from '../_common/function';
import { badgeCard, badges, badgesSeen } from './badges';
import { deleteAccount } from './deleteAccount';
import { home } from './home';
import { ledger } from './ledger';
import { profile } from './profile';
import { tree } from './tree';

export const main = createFunction(
  'member',
  { home, badges, badgesSeen, tree, ledger, profile, deleteAccount, badgeCard },
  // A deletion that died half way is finished by asking again.
  { resumesDeletion: ['deleteAccount'] },
);
