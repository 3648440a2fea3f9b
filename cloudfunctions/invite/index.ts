import cloud from 'wx-server-sdk';
import { createEntry, type ContractActions } from '../_common/entry';
import { fromSdk } from '../_common/sdk';
import { createServices, requestPreparer, type RequestContext } from '../_common/services';
import { bind } from './bind';
import { card } from './card';
import { mine } from './mine';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
const services = createServices(fromSdk(cloud));
const actions: ContractActions<'invite', RequestContext> = { card, bind, mine };

export const main = createEntry('invite', actions, {
  identify: () => cloud.getWXContext(),
  prepare: requestPreparer(services),
});
