import { isTierId } from '@shared/content/ids';
import { inviteCode } from '@shared/domain/codes';
import { toIso } from '@shared/time/shanghai';
import { newMember, type MemberRecord, type Streak } from '@shared/domain/member';
import { AppError } from '@shared/errors';
import { COLLECTIONS } from './collections';
import { Counters, MEMBERS_COUNTER } from './counters';
import { isDuplicateKey, type Database } from './db';
import { randomBytes } from './random';

/** A badge the member earned (kept on the member document: the transaction that awards it serialises awards). */
export interface EarnedBadge {
  id: string;
  earnedAt: string;
  /** The unlock ceremony was shown (`member.badgesSeen`). */
  seen: boolean;
}

/**
 * The stored `members` document: the normative fields of `MemberRecord` plus what the functions
 * maintain to answer in few round trips:
 * - `growthDays`: growth per Shanghai day still inside the tier window (Σ ledger.growth by day,
 *   pruned when it leaves the window) — the tier and the downgrade warning without reading the ledger;
 * - `badges`: earned badges with their date and whether the ceremony was seen;
 * - `invitedAt`: when the member accepted an invite (activation window), with `invitedBy`.
 */
export interface StoredMember extends MemberRecord {
  growthDays: Record<string, number>;
  badges: EarnedBadge[];
  invitedAt: string | null;
  updatedAt: string;
}

function num(value: unknown, fallback = 0): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function str(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

function strOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Reads a stored member defensively (older or hand-edited documents miss fields). */
export function normalizeMember(raw: unknown): StoredMember {
  const d = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const streak = (typeof d.streak === 'object' && d.streak !== null ? d.streak : {}) as Record<string, unknown>;
  const growthDays: Record<string, number> = {};
  if (typeof d.growthDays === 'object' && d.growthDays !== null) {
    for (const [day, g] of Object.entries(d.growthDays as Record<string, unknown>)) if (typeof g === 'number') growthDays[day] = g;
  }
  const badges: EarnedBadge[] = Array.isArray(d.badges)
    ? (d.badges as unknown[]).flatMap((b) => {
        const o = (typeof b === 'object' && b !== null ? b : {}) as Record<string, unknown>;
        return typeof o.id === 'string' ? [{ id: o.id, earnedAt: str(o.earnedAt), seen: o.seen === true }] : [];
      })
    : [];
  const s: Streak = { current: num(streak.current), best: num(streak.best), lastDate: strOrNull(streak.lastDate) };
  return {
    _id: str(d._id),
    nickname: str(d.nickname),
    avatarUrl: str(d.avatarUrl),
    createdAt: str(d.createdAt),
    tier: isTierId(d.tier) ? d.tier : 'basic',
    points: num(d.points),
    growth: num(d.growth),
    streak: s,
    checkinDays: num(d.checkinDays),
    inviteCode: str(d.inviteCode),
    invitedBy: strOrNull(d.invitedBy),
    activatedAt: strOrNull(d.activatedAt),
    invitesActivated: num(d.invitesActivated),
    redemptions: num(d.redemptions),
    growthDays,
    badges,
    invitedAt: strOrNull(d.invitedAt),
    updatedAt: str(d.updatedAt, str(d.createdAt)),
  };
}

export function createMember(openid: string, now: number): StoredMember {
  const base = newMember(openid, now, inviteCode(randomBytes));
  return { ...base, growthDays: {}, badges: [], invitedAt: null, updatedAt: toIso(now) };
}

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
    const _ = this.db.command;
    const docs = await this.db.find<unknown>(COLLECTIONS.members, { _id: _.in([...new Set(openids)].slice(0, 100)) }, { limit: 100 });
    return new Map(docs.map((d) => normalizeMember(d)).map((m) => [m._id, m]));
  }
}
