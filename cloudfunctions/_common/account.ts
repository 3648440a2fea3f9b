import type { BadgeDoc } from '@shared/content/badges';
import type { Program } from '@shared/content/validateProgram';
import { withGrantedBadge } from '@shared/domain/badges';
import { LEDGER_KIND_RULES, type LedgerKind } from '@shared/domain/ledger';
import { normalizeMember, withIndexFields, type StoredMember } from '@shared/domain/member';
import { needsWrite, progress, reevaluate, type BalanceChange, type Progress } from '@shared/domain/progression';
import { debtRepayment } from '@shared/domain/refund';
import { dueSettlement } from '@shared/domain/settlement';
import { liveVoids } from '@shared/domain/stockHolds';
import { AppError } from '@shared/errors';
import { toIso } from '@shared/time/shanghai';
import { countAwards } from './badgeViews';
import { COLLECTIONS } from './collections';
import type { Counters } from './counters';
import type { Database, Tx } from './db';
import { ledgerEntry, type LedgerDoc } from './ledger';

/** How a balance change is written into the ledger. */
export interface LedgerNote {
  kind: LedgerKind;
  /** What caused it: the check-in, redemption, invitee or request it comes from. */
  refId: string;
  /** A fixed entry id, when a retry must find the entry again (`adjust_<requestId>`). */
  entryId?: string;
  /** Audited kinds (`LEDGER_KIND_RULES[kind].audited`): the staff member and the reason. */
  by?: string;
  reason?: string;
}

export interface Applied extends Progress {
  entry: LedgerDoc;
}

export interface AccountOptions {
  /**
   * The member whose deletion this transaction carries out (`member.deleteAccount` cancelling
   * their vouchers): their deletion mark does not stop it. Nobody else's transaction writes a
   * member who is being deleted.
   */
  deleting?: string;
}

/**
 * The members' side of one transaction — the one place a balance changes. Every way to earn or
 * spend (check-in, redemption, refund, invite reward, ops adjustment, and whatever comes next)
 * calls `apply`: the member is read through the transaction once, the change goes through the
 * domain's `progress` (never below zero; tier, badges and tree nodes re-evaluated), its ledger
 * entry is written in the same transaction, and each member touched is written once, at `save`.
 * So `points = Σ ledger` depends on this module alone. Badges earned are collected in `awarded`
 * for their rarity counters, raised after the transaction commits (`accountTransaction`).
 *
 * Around every change it keeps the points rules that are not a caller's business
 * (`shared/domain/settlement.ts`): before it, points past their expiry leave (`expire`) and
 * pending purchase points whose hold is over arrive (`purchase_release`); after an earning, a
 * refund debt is paid off from it (`debt_repayment`). Each is a ledger entry written here, in
 * the same transaction that changes the member document saying it is due — so exactly once.
 *
 * It is also where account deletion is enforced (`shared/domain/accountDeletion.ts`): a member
 * whose document carries a deletion mark, or has none any more, is not there for any transaction
 * (`find` answers null, `get` refuses with ACCOUNT_DELETING) — so nothing of theirs is written
 * from the mark on, and a transaction that read them before the mark conflicts with it when it
 * writes them back. A transaction that writes the member's documents without changing the
 * member calls `lock`, so it writes the member too and conflicts just the same.
 */
export class Account {
  private readonly members = new Map<string, StoredMember | null>();
  private readonly touched = new Set<string>();
  /** Badges earned in this transaction, by any member in it. */
  readonly awarded: BadgeDoc[] = [];

  constructor(
    readonly tx: Tx,
    readonly program: Program,
    readonly now: number,
    private readonly options: AccountOptions = {},
  ) {}

  /**
   * The member as this transaction sees it (read once); null when there is none or their
   * account is being deleted (unless this transaction is that deletion).
   */
  async find(openid: string): Promise<StoredMember | null> {
    if (!this.members.has(openid)) {
      const raw = await this.tx.get<unknown>(COLLECTIONS.members, openid);
      const member = raw ? normalizeMember(raw) : null;
      this.members.set(openid, member && (!member.deleting || openid === this.options.deleting) ? member : null);
    }
    return this.members.get(openid) ?? null;
  }

  /**
   * The caller's own member (created by the request's `prepare`): gone or marked since means the
   * account is being deleted — the request writes nothing and says so.
   */
  async get(openid: string): Promise<StoredMember> {
    const member = await this.find(openid);
    if (!member) throw new AppError('ACCOUNT_DELETING');
    return member;
  }

  /**
   * The caller's own member, written back at `save` unchanged (but for `updatedAt`): for a
   * transaction that creates the member's documents without a balance or field to change, so a
   * deletion mark committed meanwhile makes it conflict and retry into the refusal.
   */
  async lock(openid: string): Promise<StoredMember> {
    await this.get(openid);
    return this.edit(openid, (m) => m);
  }

  private current(openid: string): StoredMember {
    const member = this.members.get(openid);
    if (!member) throw new Error('read the member through the account before changing it');
    return member;
  }

  private put(member: StoredMember): StoredMember {
    this.members.set(member._id, member);
    this.touched.add(member._id);
    return member;
  }

  /** Changes fields other than the balances (streak, counters, invite marks, ceremonies seen). */
  edit(openid: string, change: (member: StoredMember) => StoredMember): StoredMember {
    return this.put({ ...change(this.current(openid)), updatedAt: toIso(this.now) });
  }

  /**
   * A change of points and/or growth with its ledger entry. Throws INSUFFICIENT_POINTS (nothing
   * written) when points or lifetime growth would go below zero. Due expiry and releases are
   * settled first (so expired points are never spent and released ones can be); an earning then
   * pays off any refund debt. The answer's `member` is the member after all of it.
   */
  async apply(openid: string, change: BalanceChange, note: LedgerNote): Promise<Applied> {
    if (LEDGER_KIND_RULES[note.kind].audited && (!note.by || !note.reason)) {
      throw new Error(`a ${note.kind} ledger entry must say who made it and why`);
    }
    await this.settle(openid);
    const applied = await this.write(openid, change, note);
    if (change.points > 0) await this.repayDebt(openid, note.refId);
    return { ...applied, member: this.current(openid) };
  }

  /**
   * Writes what has fallen due for the member by now: points past their expiry leave, pending
   * purchase points whose day has come arrive (and pay off a debt). Nothing when nothing is due
   * (no write, no round trip); safe to call again in the same transaction.
   */
  async settle(openid: string): Promise<void> {
    const due = dueSettlement(this.current(openid), this.program.settings, this.now);
    if (due.expire) {
      await this.write(openid, { points: -due.expire.points, growth: 0 }, { kind: 'expire', refId: due.expire.through });
    }
    if (due.release) {
      const { rest, days, points } = due.release;
      this.edit(openid, (m) => ({ ...m, pendingPoints: rest }));
      if (points > 0) {
        await this.write(openid, { points, growth: 0 }, { kind: 'purchase_release', refId: days[days.length - 1] });
        await this.repayDebt(openid, days[days.length - 1]);
      }
    }
  }

  /** A refund debt paid off from the balance (after an earning), as far as the balance goes. */
  private async repayDebt(openid: string, refId: string): Promise<void> {
    const member = this.current(openid);
    const paid = debtRepayment(member.pointsDebt, member.points);
    if (paid <= 0) return;
    await this.write(openid, { points: -paid, growth: 0 }, { kind: 'debt_repayment', refId });
    this.edit(openid, (m) => ({ ...m, pointsDebt: m.pointsDebt - paid }));
  }

  /**
   * A badge given outright (an offline event's badge), not reached by its rule: added once,
   * unseen (its ceremony shows on home), and counted for rarity after the commit.
   */
  grantBadge(openid: string, badge: BadgeDoc): boolean {
    const before = this.current(openid);
    const after = withGrantedBadge(before, badge._id, toIso(this.now));
    if (after === before) return false;
    this.edit(openid, () => after);
    this.awarded.push(badge);
    return true;
  }

  /** The change itself: progress and its ledger entry. */
  private async write(openid: string, change: BalanceChange, note: LedgerNote): Promise<Applied> {
    const moved = progress(this.current(openid), change, this.program, this.now);
    const { kind, refId, entryId, by, reason } = note;
    const entry = ledgerEntry({
      openid,
      kind,
      points: change.points,
      growth: change.growth,
      refId,
      id: entryId,
      by,
      reason,
      now: this.now,
    });
    await this.tx.set(COLLECTIONS.ledger, entry._id, { ...entry });
    this.put(moved.member);
    this.awarded.push(...moved.newBadges);
    return { ...moved, entry };
  }

  /** Tier and badges re-evaluated without a balance change; written only when something changed. */
  refresh(openid: string): Progress {
    const before = this.current(openid);
    const after = reevaluate(before, this.program, this.now);
    if (needsWrite(before, after)) {
      this.put(after.member);
      this.awarded.push(...after.newBadges);
    }
    return after;
  }

  /** Writes every member this transaction changed, once each (voids no call can hold any more are dropped). */
  async save(): Promise<void> {
    for (const openid of this.touched) {
      const member = this.current(openid);
      await this.tx.set(COLLECTIONS.members, openid, { ...withIndexFields(member), voidedHolds: liveVoids(member.voidedHolds, this.now) });
    }
    this.touched.clear();
  }
}

/**
 * Runs `body` in a transaction with an `Account` (retried on conflict with a fresh one, as
 * `Database.transaction` does), saves the members it changed, and once it has committed raises
 * the rarity counters of the badges it awarded.
 */
export async function accountTransaction<R>(
  services: { db: Database; counters: Counters },
  program: Program,
  now: number,
  body: (account: Account) => Promise<R>,
  options: AccountOptions = {},
): Promise<R> {
  let awarded: BadgeDoc[] = [];
  const result = await services.db.transaction(async (tx) => {
    const account = new Account(tx, program, now, options);
    const out = await body(account);
    await account.save();
    awarded = account.awarded;
    return out;
  });
  await countAwards(services.counters, awarded);
  return result;
}
