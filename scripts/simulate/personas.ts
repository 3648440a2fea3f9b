import type { SettingsDoc } from '../../shared/content/settings';
import { checkinReward } from '../../shared/domain/checkinReward';
import type { Rng } from './prng';

/**
 * How simulated members behave. Probabilities are per Shanghai day; the mix is meant to look like
 * a brand community a few months after launch, not to hit any target.
 */
export type PersonaKind = 'daily' | 'regular' | 'weekend' | 'casual' | 'lapsing' | 'koc' | 'invitee';

export const PERSONA_NAMES: Record<PersonaKind, string> = {
  daily: '每天签到',
  regular: '经常签到',
  weekend: '周末签到',
  casual: '偶尔签到',
  lapsing: '逐渐流失',
  koc: 'KOC 邀请达人',
  invitee: '被邀请的新朋友',
};

/** Share of the initial members per persona (invitees only arrive through KOCs' invites). */
export const PERSONA_MIX: Array<[PersonaKind, number]> = [
  ['daily', 0.22],
  ['regular', 0.2],
  ['weekend', 0.15],
  ['casual', 0.23],
  ['lapsing', 0.15],
  ['koc', 0.05],
];

export interface Persona {
  kind: PersonaKind;
  /** Looks at the packs every few days and redeems when something is within reach. */
  redeemer: boolean;
  /** lapsing: the simulated day after which they almost never come back. */
  lapseAfter: number;
  /** invitee: what they become after their first week. */
  settlesAs: 'regular' | 'casual' | 'lapsing';
  /** Days of membership before the simulation starts (0 = joins on day 1). */
  tenureDays: number;
}

export function drawPersona(rng: Rng, kind?: PersonaKind): Persona {
  let chosen: PersonaKind = kind ?? 'casual';
  if (!kind) {
    let r = rng.next();
    for (const [k, share] of PERSONA_MIX) {
      if (r < share) {
        chosen = k;
        break;
      }
      r -= share;
    }
  }
  return {
    kind: chosen,
    redeemer: rng.chance(chosen === 'koc' || chosen === 'daily' ? 0.55 : 0.3),
    lapseAfter: rng.int(3, 20),
    settlesAs: rng.pick(['regular', 'casual', 'casual', 'lapsing'] as const),
    // A quarter join with the launch of the simulated month; the rest have been members for up to 11 months.
    tenureDays: kind === 'invitee' || rng.chance(0.25) ? 0 : rng.int(1, 335),
  };
}

/**
 * The chance of checking in on a day. `day` counts from the member's first simulated day (0-based,
 * for lapsing and invitees), `weekday` is 0 = Sunday … 6 = Saturday.
 */
export function checkinChance(p: Persona, day: number, weekday: number): number {
  const weekend = weekday === 0 || weekday === 6;
  switch (p.kind) {
    case 'daily':
      return 0.92;
    case 'koc':
      return 0.95;
    case 'regular':
      return 0.6;
    case 'weekend':
      return weekend ? 0.85 : 0.08;
    case 'casual':
      return 0.25;
    case 'lapsing':
      return day <= p.lapseAfter ? 0.75 : 0.03;
    case 'invitee':
      if (day < 7) return 0.65;
      return checkinChance({ ...p, kind: p.settlesAs, lapseAfter: 10 }, day, weekday);
  }
}

/** A KOC's chance, per day, of bringing a friend who binds their code. */
export const KOC_INVITE_CHANCE = 0.3;
/** Anyone else's (a friend now and then). */
export const MEMBER_INVITE_CHANCE = 0.004;
/** The chance a redeemer looks at the packs on a day they are active. */
export const REDEEM_LOOK_CHANCE = 0.35;
/** New members who find the program on their own, per day, as a share of the initial members. */
export const ORGANIC_JOIN_RATE = 0.006;

export interface HistoryGrowth {
  growth: number;
  points: number;
  checkins: number;
}

/**
 * What a member who joined `tenureDays` before the simulation earned by checking in, by the
 * program's own reward rule, playing their persona day by day (a lapsing member was a regular
 * before the simulated month). The simulator grants it through `ops.adjust` at the start — how
 * a brand migrates existing members' growth — so tiers reflect a program that has been running,
 * not a cold start where nobody can reach the upper tiers in 30 days.
 */
export function historyGrowth(p: Persona, rng: Rng, settings: Pick<SettingsDoc, 'checkin'>): HistoryGrowth {
  const past: Persona = p.kind === 'lapsing' || p.kind === 'invitee' ? { ...p, kind: 'regular' } : p;
  let streak = 0;
  const total: HistoryGrowth = { growth: 0, points: 0, checkins: 0 };
  for (let d = p.tenureDays; d >= 1; d--) {
    // Weekdays of the past are taken as they come: only their spread matters for a month's total.
    if (rng.chance(checkinChance(past, 30, d % 7))) {
      streak += 1;
      const r = checkinReward(settings, streak);
      total.growth += r.growth;
      total.points += r.points;
      total.checkins += 1;
    } else streak = 0;
  }
  return total;
}
