import cloud from 'wx-server-sdk';
import type { StaffRole } from '@shared/content/ids';
import type { ActionName, FunctionName } from '@shared/contracts/api';
import { createEntry, createTimerEntry, type ContractActions, type TimerEvent } from './entry';
import { createHttpEntry, type HttpEntryOptions } from './httpEntry';
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

export interface FunctionOptions<F extends FunctionName> {
  /** Every action needs this staff role, checked (fail closed) before any action runs. */
  role?: StaffRole;
  /** Actions a member whose account is being deleted may still call (the deletion itself, to finish it); all others answer ACCOUNT_DELETING. */
  resumesDeletion?: ReadonlyArray<ActionName<F>>;
}

/**
 * A member-facing cloud function: the contract's action table behind the entry (validation,
 * identity, the caller's member record and the program prepared for every action, the envelope).
 * Its `index.ts` is one call: `export const main = createFunction('checkin', { checkin, calendar })`.
 */
export function createFunction<F extends FunctionName>(
  name: F,
  actions: ContractActions<F, RequestContext>,
  options: FunctionOptions<F> = {},
) {
  const services = initCloud();
  const { role, resumesDeletion = [] } = options;
  const prepareMember = requestPreparer(services, resumesDeletion);
  return createEntry(name, actions, {
    identify: () => cloud.getWXContext(),
    prepare: role
      ? async (caller, action) => {
          await services.staff.require(caller.openid, role);
          return prepareMember(caller, action);
        }
      : prepareMember,
  });
}

/** A function only its timer trigger runs (`jobs`): calls carrying a member identity are refused. */
export function createTimerFunction<R>(name: string, run: (services: Services, event: TimerEvent) => Promise<R>) {
  const services = initCloud();
  return createTimerEntry(name, { identify: () => cloud.getWXContext(), run: (event) => run(services, event) });
}

/**
 * A function the brand's systems call over CloudBase's HTTP access service (`partner`): signed
 * requests, routes by the path's last segment (`httpEntry.ts`). The secret is read from the
 * function's environment variable `secretEnv` on each call (set in the console, never in the repo).
 */
export function createHttpFunction(
  name: string,
  secretEnv: string,
  build: (services: Services) => Omit<HttpEntryOptions, 'secret' | 'identify'>,
) {
  const services = initCloud();
  return createHttpEntry(name, {
    ...build(services),
    secret: () => process.env[secretEnv] || undefined,
    identify: () => cloud.getWXContext(),
  });
}
