import { createFunction } from '../_common/function';
import { badgeCard, badges, badgesSeen } from './badges';
import { charity } from './charity';
import { code } from './code';
import { deleteAccount } from './deleteAccount';
import { donate } from './donate';
import { home } from './home';
import { ledger } from './ledger';
import { profile } from './profile';
import { program } from './program';
import { recap } from './recap';
import { tree } from './tree';

export const main = createFunction(
  'member',
  { home, badges, badgesSeen, tree, ledger, profile, deleteAccount, badgeCard, program, recap, charity, donate, code },
  // A deletion that died half way is finished by asking again.
  { resumesDeletion: ['deleteAccount'] },
);
