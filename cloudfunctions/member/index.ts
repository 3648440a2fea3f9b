import cloud from 'wx-server-sdk';
import { createEntry, type ContractActions } from '../_common/entry';
import { fromSdk } from '../_common/sdk';
import { createServices, requestPreparer, type RequestContext } from '../_common/services';
import { badges, badgesSeen } from './badges';
import { deleteAccount } from './deleteAccount';
import { home } from './home';
import { ledger } from './ledger';
import { profile } from './profile';
import { tree } from './tree';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
const services = createServices(fromSdk(cloud));
const actions: ContractActions<'member', RequestContext> = { home, badges, badgesSeen, tree, ledger, profile, deleteAccount };

export const main = createEntry('member', actions, {
  identify: () => cloud.getWXContext(),
  prepare: requestPreparer(services),
});
