import cloud from 'wx-server-sdk';
import { createEntry, type ContractActions } from '../_common/entry';
import { fromSdk } from '../_common/sdk';
import { createServices, requestPreparer, type RequestContext } from '../_common/services';
import { cancel } from './cancel';
import { list } from './list';
import { mine } from './mine';
import { peek } from './peek';
import { redeem } from './redeem';
import { verify } from './verify';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
const services = createServices(fromSdk(cloud));
const actions: ContractActions<'redeem', RequestContext> = { list, redeem, mine, verify, peek, cancel };

export const main = createEntry('redeem', actions, {
  identify: () => cloud.getWXContext(),
  prepare: requestPreparer(services),
});
