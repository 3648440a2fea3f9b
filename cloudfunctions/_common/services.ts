import type { Program } from '@shared/content/validateProgram';
import type { StoredMember } from '@shared/domain/member';
import { ContentCache } from './content';
import { Counters } from './counters';
import { Database } from './db';
import type { Caller } from './entry';
import { InviteRepository } from './invites';
import { LedgerRepository } from './ledger';
import { MemberRepository } from './members';
import { RateLimiter } from './rateLimit';
import { RedemptionRepository } from './redemptions';
import type { WxCloud } from './sdk';
import { StaffDirectory } from './staff';
import { PackStock } from './stock';
import { TeamRepository } from './teams';

/**
 * The adapters one function instance shares across invocations (made once by `createFunction`):
 * the database port, the content cache and the small repositories over it.
 */
export interface Services {
  cloud: WxCloud;
  db: Database;
  content: ContentCache;
  counters: Counters;
  members: MemberRepository;
  ledger: LedgerRepository;
  redemptions: RedemptionRepository;
  invites: InviteRepository;
  stock: PackStock;
  teams: TeamRepository;
  staff: StaffDirectory;
  rateLimiter: RateLimiter;
}

export function createServices(cloud: WxCloud): Services {
  // A missing document reads as null (the default throws), so "not there yet" is a value.
  const db = new Database(cloud.database({ throwOnNotFound: false }));
  const counters = new Counters(db);
  return {
    cloud,
    db,
    content: new ContentCache(db),
    counters,
    members: new MemberRepository(db, counters),
    ledger: new LedgerRepository(db),
    redemptions: new RedemptionRepository(db),
    invites: new InviteRepository(db),
    stock: new PackStock(db),
    teams: new TeamRepository(db),
    staff: new StaffDirectory(db),
    rateLimiter: new RateLimiter(db),
  };
}

/** What every action receives: the caller, the instant of the request, their member record and the program. */
export interface RequestContext extends Caller {
  /** The request's instant (ms; follows the cloud's clock). One value per request. */
  now: number;
  /** The caller's member record as it was when the request started (created on a first call). */
  member: StoredMember;
  program: Program;
  services: Services;
}

/** Member record and content, fetched in parallel (content is usually cached: one round trip warm). */
export function requestPreparer(services: Services) {
  return async (caller: Caller): Promise<RequestContext> => {
    const now = Date.now();
    const [member, program] = await Promise.all([services.members.ensure(caller.openid, now), services.content.program()]);
    return { ...caller, now, member, program, services };
  };
}
