import cloud from 'wx-server-sdk';
import { createEntry, type Caller, type ContractActions } from '../_common/entry';
import { fromSdk } from '../_common/sdk';
import { createServices, requestPreparer, type RequestContext } from '../_common/services';
import { adjust } from './adjust';
import { stats } from './stats';
import { validate } from './validate';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
const services = createServices(fromSdk(cloud));
const prepareMember = requestPreparer(services);
const actions: ContractActions<'ops', RequestContext> = { validate, stats, adjust };

/** Every ops action is for staff with role `ops`: checked (fail closed) before any action runs. */
async function prepare(caller: Caller): Promise<RequestContext> {
  await services.staff.require(caller.openid, 'ops');
  return prepareMember(caller);
}

export const main = createEntry('ops', actions, {
  identify: () => cloud.getWXContext(),
  prepare,
});
