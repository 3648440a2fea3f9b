import cloud from 'wx-server-sdk';
import type { StaffRole } from '@shared/content/ids';
import type { FunctionName } from '@shared/contracts/api';
import { createEntry, createTimerEntry, type ContractActions, type TimerEvent } from './entry';
import { fromSdk } from './sdk';
import { createServices, requestPreparer, type RequestContext, type Services } from './services';

/**
 * The one place a deployed function meets wx-server-sdk: `cloud.init` for the environment the
 * function runs in, the instance's services, and identity from `getWXContext()` — never the event.
 */
function initCloud(): Services {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  return createServices(fromSdk(cloud));
}

export interface FunctionOptions {
  /** Every action needs this staff role, checked (fail closed) before any action runs. */
  role?: StaffRole;
}

/**
 * A member-facing cloud function: the contract's action table behind the entry (validation,
 * identity, the caller's member record and the program prepared for every action, the envelope).
 * Its `index.ts` is one call: `export const main = createFunction('checkin', { checkin, calendar })`.
 */
export function createFunction<F extends FunctionName>(
  name: F,
  actions: ContractActions<F, RequestContext>,
  options: FunctionOptions = {},
) {
  const services = initCloud();
  const prepareMember = requestPreparer(services);
  const { role } = options;
  return createEntry(name, actions, {
    identify: () => cloud.getWXContext(),
    prepare: role
      ? async (caller) => {
          await services.staff.require(caller.openid, role);
          return prepareMember(caller);
        }
      : prepareMember,
  });
}

/** A function only its timer trigger runs (`jobs`): calls carrying a member identity are refused. */
export function createTimerFunction<R>(name: string, run: (services: Services, event: TimerEvent) => Promise<R>) {
  const services = initCloud();
  return createTimerEntry(name, { identify: () => cloud.getWXContext(), run: (event) => run(services, event) });
}
