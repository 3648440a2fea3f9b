import type { BadgeDoc } from '@shared/content/badges';
import type { TierId } from '@shared/content/ids';
import type { Program } from '@shared/content/validateProgram';
import { withGrantedBadge } from '@shared/domain/badges';
import { LEDGER_KIND_RULES, type LedgerKind } from '@shared/domain/ledger';
import { normalizeMember, withIndexFields, type StoredMember } from '@shared/domain/member';
import { needsWrite, progress, reevaluate, type BalanceChange, type DueEntryReward, type Progress } from '@shared/domain/progression';
import { debtRepayment } from '@shared/domain/refund';
import { dueSettlement } from '@shared/domain/settlement';
import { liveVoids } from '@shared/domain/stockHolds';
import { AppError } from '@shared/errors';
import { toIso, yearOf } from '@shared/time/shanghai';
import { countAwards } from './badgeViews';
import { COLLECTIONS } from './collections';
import type { Counters } from './counters';
import type { Database, Tx } from './db';
import { ledgerEntry, type LedgerBoost, type LedgerDoc } from './ledger';
import { issuedVoucher } from './redemptions';

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
  /** A campaign boost in the amount (check-ins): the history shows it. */
  boost?: LedgerBoost;
}

/** A tier's entry reward as it was paid: points, and the voucher given. */
export interface PaidEntryReward {
  tier: TierId;
  tierName: string;
  points: number;
  packTitle: string | null;
}

/** What lighting nodes and climbing tiers delivered on top of the change itself. */
export interface Delivered {
  /** Points of nodes lit (`node_reward`), by node. */
  nodeRewards: Array<{ nodeId: string; points: number }>;
  entryRewards: PaidEntryReward[];
}

export interface Applied extends Progress, Delivered {
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
 * spend (check-in, redemption, refund, invite reward, ops adjustment, donation, birthday gift…)
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
 *
 * What a change unlocks is delivered here too, in the same transaction and exactly once: the
 * points of tree nodes it lit (`node_reward`; the node's badge comes with `progress`) and the
 * entry rewards of tiers it climbed into (`tier_entry`, a voucher when the reward names a pack) —
 * `progress` marks them on the member document, which the transaction reads and writes, so a
 * retry or a parallel call can never deliver them twice.
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

  /** The change itself: progress and its ledger entry. */
  private async write(openid: string, change: BalanceChange, note: LedgerNote): Promise<Applied> {
    const moved = progress(this.current(openid), change, this.program, this.now);
    const { kind, refId, entryId, by, reason, boost } = note;
    const entry = ledgerEntry({
      openid,
      kind,
      points: change.points,
      growth: change.growth,
      refId,
      id: entryId,
      by,
      reason,
      boost,
      now: this.now,
    });
    await this.tx.set(COLLECTIONS.ledger, entry._id, { ...entry });
    this.put(moved.member);
    this.awarded.push(...moved.newBadges);
    const delivered = await this.deliver(openid, moved);
    return { ...moved, ...delivered, member: this.current(openid), entry };
  }

  /**
   * Tier, badges and nodes re-evaluated without a balance change (what they unlock delivered);
   * written only when something changed.
   */
  async refresh(openid: string): Promise<Progress & Delivered> {
    const before = this.current(openid);
    const after = reevaluate(before, this.program, this.now);
    if (!needsWrite(before, after)) return { ...after, nodeRewards: [], entryRewards: [] };
    this.put(after.member);
    this.awarded.push(...after.newBadges);
    const delivered = await this.deliver(openid, after);
    return { ...after, ...delivered, member: this.current(openid) };
  }

  /** The points of nodes just lit and the entry rewards of tiers just climbed into (each marked on the member by `progress`). */
  private async deliver(openid: string, moved: Progress): Promise<Delivered> {
    const nodeRewards: Delivered['nodeRewards'] = [];
    for (const node of moved.newNodes) {
      const points = node.unlocks.points;
      if (!points) continue;
      await this.apply(openid, { points, growth: 0 }, { kind: 'node_reward', refId: node._id });
      nodeRewards.push({ nodeId: node._id, points });
    }
    const entryRewards: PaidEntryReward[] = [];
    for (const due of moved.dueEntryRewards) entryRewards.push(await this.payEntryReward(openid, due));
    return { nodeRewards, entryRewards };
  }

  private async payEntryReward(openid: string, due: DueEntryReward): Promise<PaidEntryReward> {
    const year = yearOf(this.now);
    const ref = `tier-${due.tier}-${year}`;
    if (due.reward.points > 0) await this.apply(openid, { points: due.reward.points, growth: 0 }, { kind: 'tier_entry', refId: ref });
    const pack = due.reward.packId === null ? undefined : this.program.benefit_packs.find((p) => p._id === due.reward.packId);
    if (pack) await this.giveVoucher(openid, pack, ref);
    return { tier: due.tier, tierName: due.tierName, points: due.reward.points, packTitle: pack?.title ?? null };
  }

  /**
   * A voucher given, not redeemed (an entry reward): no points, no stock unit, not one of the
   * member's redemptions or limit counts. Its `_id` is `openid_<ref>`, once per reward.
   */
  private async giveVoucher(openid: string, pack: Program['benefit_packs'][number], ref: string): Promise<void> {
    const doc = issuedVoucher(openid, ref, pack, this.now, {
      cost: 0,
      limitKey: '',
      stockTaken: false,
      holdToken: null,
      balanceAfter: this.current(openid).points,
      gift: 'tier_entry',
    });
    await this.tx.set(COLLECTIONS.redemptions, doc._id, { ...doc });
  }

  /**
   * Lights a badge given for something done rather than by its own rule (a team challenge's reward
   * badge, an offline event's commemorative badge): once — false when the member already has it.
   * Unseen (its ceremony shows on home) and counted for rarity after commit like any award.
   */
  grantBadge(openid: string, badge: BadgeDoc): boolean {
    const before = this.current(openid);
    const after = withGrantedBadge(before, badge._id, toIso(this.now));
    if (after === before) return false;
    this.edit(openid, () => after);
    this.awarded.push(badge);
    return true;
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
