import { inviteCode } from '@shared/domain/codes';
import { newStoredMember, normalizeMember, type StoredMember } from '@shared/domain/member';
import { AppError } from '@shared/errors';
import { toIso } from '@shared/time/shanghai';
import { COLLECTIONS } from './collections';
import { Counters, MEMBERS_COUNTER } from './counters';
import { isDuplicateKey, type Database } from './db';
import { randomBytes } from './random';

export type { EarnedBadge, StoredMember } from '@shared/domain/member';

export function createMember(openid: string, now: number): StoredMember {
  return newStoredMember(openid, now, inviteCode(randomBytes));
}

/**
 * The `members` collection outside transactions: the member's record created on their first
 * call, lookups, and the few single-field writes that never touch a balance. Every balance change
 * goes through the account module (`account.ts`) inside a transaction.
 */
export class MemberRepository {
  constructor(
    private readonly db: Database,
    private readonly counters: Counters,
  ) {}

  async get(openid: string): Promise<StoredMember | null> {
    const doc = await this.db.get<unknown>(COLLECTIONS.members, openid);
    return doc ? normalizeMember(doc) : null;
  }

  /**
   * The member, created on their first call of any function. Parallel first calls race on the
   * `_id`: the loser reads the winner's record. A (very unlikely) taken invite code draws another.
   */
  async ensure(openid: string, now: number): Promise<StoredMember> {
    const found = await this.get(openid);
    if (found) return found;
    for (let attempt = 0; attempt < 5; attempt++) {
      const fresh = createMember(openid, now);
      try {
        await this.db.add(COLLECTIONS.members, { ...fresh });
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        const winner = await this.get(openid);
        if (winner) return winner;
        continue; // the invite code was taken: draw another
      }
      await this.counters.increment(MEMBERS_COUNTER, 1).catch((err: unknown) => console.warn('[members] member counter not raised', err));
      return fresh;
    }
    throw new AppError('BUSY');
  }

  async byInviteCode(code: string): Promise<StoredMember | null> {
    const [doc] = await this.db.find<unknown>(COLLECTIONS.members, { inviteCode: code }, { limit: 1 });
    return doc ? normalizeMember(doc) : null;
  }

  /** Members by openid (nicknames for invite lists), ≤ 100 per call. */
  async many(openids: readonly string[]): Promise<Map<string, StoredMember>> {
    if (openids.length === 0) return new Map();
    const docs = await this.db.find<unknown>(
      COLLECTIONS.members,
      { _id: this.db.op.in([...new Set(openids)].slice(0, 100)) },
      { limit: 100 },
    );
    return new Map(docs.map((d) => normalizeMember(d)).map((m) => [m._id, m]));
  }

  /**
   * Nickname, avatar, leaderboard switch (no balance involved: one conditional update). Never on a member whose
   * account is being deleted (ACCOUNT_DELETING), nor one already gone (an update creates nothing).
   */
  async setProfile(openid: string, patch: { nickname?: string; avatarUrl?: string; leaderboardOptIn?: boolean }): Promise<void> {
    if ((await this.db.updateWhere(COLLECTIONS.members, { _id: openid, deleting: null }, patch)) > 0) return;
    // Nothing changed: the same values again, or the account is going.
    const member = await this.get(openid);
    if (!member || member.deleting) throw new AppError('ACCOUNT_DELETING');
  }

  /**
   * Voids a stock hold's token on its member (see `shared/domain/stockHolds.ts`): the member's
   * redeem transaction reads this document, so from now on a redemption holding that token can only
   * be refused. One update; a member who no longer exists has no transaction that could commit.
   */
  async voidHold(openid: string, token: string, now: number): Promise<void> {
    await this.db.updateWhere(COLLECTIONS.members, { _id: openid }, { [`voidedHolds.${token}`]: toIso(now) });
  }
}
