import type { Program } from '@shared/content/validateProgram';
import type { StoredMember } from '@shared/domain/member';
import { AppError } from '@shared/errors';
import { AttendanceRepository } from './attendance';
import { ContentCache } from './content';
import { Counters } from './counters';
import { Database } from './db';
import { DeletedMembers } from './deletedMembers';
import type { Caller } from './entry';
import { InviteRepository } from './invites';
import { LedgerRepository } from './ledger';
import { MemberCodes } from './memberCodes';
import { MemberRepository } from './members';
import { OrderRepository } from './purchases';
import { RateLimiter } from './rateLimit';
import { settledMember } from './refresh';
import { RedemptionRepository } from './redemptions';
import type { WxCloud } from './sdk';
import { Secrets } from './secrets';
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
  secrets: Secrets;
  deletedMembers: DeletedMembers;
  memberCodes: MemberCodes;
  orders: OrderRepository;
  attendance: AttendanceRepository;
}

export function createServices(cloud: WxCloud): Services {
  // A missing document reads as null (the default throws), so "not there yet" is a value.
  const db = new Database(cloud.database({ throwOnNotFound: false }));
  const counters = new Counters(db);
  const secrets = new Secrets(db);
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
    rateLimiter: new RateLimiter(db, secrets),
    secrets,
    deletedMembers: new DeletedMembers(db, secrets),
    memberCodes: new MemberCodes(db, secrets),
    orders: new OrderRepository(db),
    attendance: new AttendanceRepository(db),
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

/**
 * Member record and content, fetched in parallel (content is usually cached: one round trip warm);
 * points that fell due since the member's last write are settled first (`settledMember`, rare).
 * A caller whose account is being deleted is refused with ACCOUNT_DELETING before any action runs,
 * except by the actions `resumesDeletion` names (`member.deleteAccount`, which finishes it).
 */
export function requestPreparer(services: Services, resumesDeletion: readonly string[] = []) {
  return async (caller: Caller, action: string): Promise<RequestContext> => {
    const now = Date.now();
    const [stored, program] = await Promise.all([services.members.ensure(caller.openid, now), services.content.program()]);
    if (stored.deleting && !resumesDeletion.includes(action)) throw new AppError('ACCOUNT_DELETING');
    const member = await settledMember(services, program, stored, now);
    return { ...caller, now, member, program, services };
  };
}
