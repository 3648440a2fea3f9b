import cloud from 'wx-server-sdk';
import { createEntry, type ContractActions } from '../_common/entry';
import { fromSdk } from '../_common/sdk';
import { createServices, requestPreparer, type RequestContext } from '../_common/services';
import { calendar } from './calendar';
import { checkin } from './checkin';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
const services = createServices(fromSdk(cloud));
const actions: ContractActions<'checkin', RequestContext> = { checkin, calendar };

export const main = createEntry('checkin', actions, {
  identify: () => cloud.getWXContext(),
  prepare: requestPreparer(services),
});
