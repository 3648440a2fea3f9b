import fc from 'fast-check';
import {
  LEDGER_KINDS,
  LEDGER_KIND_NAMES,
  LEDGER_KIND_RULES,
  applyToBalance,
  entryFitsKind,
  isLedgerKind,
  ledgerMatches,
  sumLedger,
  type Balance,
} from './ledger';

describe('ledger', () => {
  it('names every kind in Chinese', () => {
    for (const k of LEDGER_KINDS) expect(LEDGER_KIND_NAMES[k]).toMatch(/\p{Script=Han}/u);
  });

  it('describes every kind in one table: signs, and who must be named', () => {
    expect(LEDGER_KINDS).toEqual([
      'checkin',
      'redeem',
      'redeem_refund',
      'invite_reward',
      'team_reward',
      'ops_adjust',
      'node_reward',
      'tier_entry',
      'birthday_gift',
      'invitee_reward',
      'donation',
      'purchase',
      'purchase_release',
      'purchase_refund',
      'debt_repayment',
      'expire',
      'event_reward',
    ]);
    // Rewards of unlocks and tiers never carry growth (growth would light more nodes); a donation only spends.
    expect(entryFitsKind({ kind: 'node_reward', points: 50, growth: 10 })).toBe(false);
    expect(entryFitsKind({ kind: 'donation', points: -100, growth: 0 })).toBe(true);
    expect(entryFitsKind({ kind: 'donation', points: 100, growth: 0 })).toBe(false);
    expect(LEDGER_KINDS.filter((k) => LEDGER_KIND_RULES[k].audited)).toEqual(['redeem_refund', 'ops_adjust']);
    expect(isLedgerKind('redeem')).toBe(true);
    expect(isLedgerKind('toString')).toBe(false);
    expect(entryFitsKind({ kind: 'bonus' as never, points: 1, growth: 0 })).toBe(false);
  });

  it('sums entries', () => {
    expect(sumLedger([])).toEqual({ points: 0, growth: 0 });
    expect(
      sumLedger([
        { points: 10, growth: 10 },
        { points: -60, growth: 0 },
        { points: 100, growth: 30 },
      ]),
    ).toEqual({ points: 50, growth: 40 });
  });

  it('checks signs per kind', () => {
    expect(entryFitsKind({ kind: 'checkin', points: 40, growth: 30 })).toBe(true);
    expect(entryFitsKind({ kind: 'checkin', points: -1, growth: 0 })).toBe(false);
    expect(entryFitsKind({ kind: 'redeem', points: -60, growth: 0 })).toBe(true);
    expect(entryFitsKind({ kind: 'redeem', points: -60, growth: -5 })).toBe(false);
    expect(entryFitsKind({ kind: 'redeem_refund', points: 60, growth: 0 })).toBe(true);
    expect(entryFitsKind({ kind: 'ops_adjust', points: -20, growth: 50 })).toBe(true);
    expect(entryFitsKind({ kind: 'invite_reward', points: 1.5, growth: 0 })).toBe(false);
  });

  it('keeps balance = Σ ledger ≥ 0 when changes go through applyToBalance', () => {
    const delta = fc.record({ points: fc.integer({ min: -100, max: 100 }), growth: fc.integer({ min: -20, max: 50 }) });
    fc.assert(
      fc.property(fc.array(delta, { maxLength: 80 }), (deltas) => {
        let balance: Balance = { points: 0, growth: 0 };
        const ledger: Balance[] = [];
        for (const d of deltas) {
          const next = applyToBalance(balance, d);
          if (next === null) continue; // refused: nothing written
          balance = next;
          ledger.push(d);
          expect(balance.points).toBeGreaterThanOrEqual(0);
          expect(balance.growth).toBeGreaterThanOrEqual(0);
        }
        expect(ledgerMatches(balance, ledger)).toBe(true);
      }),
    );
  });

  it('detects a balance that drifted from its ledger', () => {
    expect(ledgerMatches({ points: 11, growth: 10 }, [{ points: 10, growth: 10 }])).toBe(false);
  });
});
