import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { settingsSchema, DEFAULT_SETTINGS, type SettingsDoc } from '../../shared/content/settings';
import { tierRank } from '../../shared/content/ids';
import type { CheckinData } from '../../shared/contracts/checkin';
import type { HomeData } from '../../shared/contracts/member';
import type { OpsStatsData } from '../../shared/contracts/ops';
import type { RedeemListData } from '../../shared/contracts/redeem';
import { suggestThreshold } from '../../shared/domain/opsMetrics';
import { addDays, atMinute, dayDiff, dayOf, weekday } from '../../shared/time/shanghai';
import { startLocalcloud, type Localcloud } from '../../localcloud';
import { buildFunctions } from '../build-functions';
import { Gateway, percentile } from './gateway';
import {
  KOC_INVITE_CHANCE,
  MEMBER_INVITE_CHANCE,
  ORGANIC_JOIN_RATE,
  REDEEM_LOOK_CHANCE,
  checkinChance,
  drawPersona,
  historyGrowth,
  type Persona,
  type PersonaKind,
} from './personas';
import { memberRng, mulberry32, type Rng } from './prng';

/**
 * The simulator: a month (or any number of days) of a member community driven through the real
 * functions on localcloud, day by day on localcloud's clock. Each day at 08:30 Shanghai members
 * open home and check in, KOCs and friends invite (the friend joins, binds the code, and — if
 * they keep coming — activates the invite); at 12:15 redeemers look at the packs and redeem what
 * they can (the weekday lunch pack is open then). 45 days before day 1, members who joined earlier
 * get their past growth through `ops.adjust` (see `historyGrowth`). At the end the ops staff reads
 * `ops.stats` for the simulated range — the same figures the dashboard shows.
 */

const ROOT = path.resolve(__dirname, '..', '..');
/** The demo ops staff (content/demo/staff.json). */
export const SIM_OPS_OPENID = 'oOps5Gh8TzR2kWq7NvB4xMe9LcJ1';
const FUNCTIONS = ['member', 'checkin', 'redeem', 'invite', 'ops'];
/** How long before day 1 earlier members are brought in with their past growth (outside a 30-day view). */
const MIGRATION_DAYS_BEFORE = 45;

export interface SimulationOptions {
  members: number;
  days: number;
  seed: number;
  /** First simulated day (Shanghai); default: so that the last simulated day is yesterday. */
  start?: string;
  /** Calls in flight at once (default 6). */
  concurrency?: number;
  /**
   * Function instances per function (default 2). Every call is mostly the real SDK's own CPU
   * (signing, serialising) in a worker thread: on 2 cores, more instances only contend — measured
   * 38 calls/s with 2 per function against 33 with localcloud's default 4.
   */
  workersPerFunction?: number;
  /** Grant pre-launch growth to members with tenure (default true). */
  history?: boolean;
  /** Built functions (default dist/cloudfunctions, built when missing). */
  functionsDir?: string;
  seedDir?: string;
  indexesFile?: string;
  /** Keep the localcloud data here (default: a fresh temporary directory, removed at the end). */
  dataDir?: string;
  /** A static site (the H5 build) for localcloud to serve, e.g. to look at the dashboard afterwards. */
  staticDir?: string;
  /** Leave localcloud running and return it (e.g. for a dashboard screenshot); the caller stops it. */
  keepRunning?: boolean;
  onProgress?: (p: SimulationProgress) => void;
}

export interface SimulationProgress {
  day: number;
  days: number;
  date: string;
  calls: number;
  elapsedMs: number;
}

export interface SimulationReport {
  seed: number;
  from: string;
  to: string;
  days: number;
  members: { initial: number; organic: number; invited: number; total: number; withHistory: number };
  personas: Record<PersonaKind, number>;
  checkins: number;
  redemptions: number;
  invites: { cards: number; binds: number; rejectedAttempts: number };
  calls: number;
  seconds: number;
  callsPerSecond: number;
  latencyMs: { p50: number; p95: number };
  byAction: Record<string, number>;
  errors: Record<string, number>;
  /** What ops.stats answers for the simulated range (at most its last 92 days). */
  stats: OpsStatsData;
  /** Window growth of each member active in the last 30 days (from their home page). */
  activeWindowGrowths: number[];
  /** Thresholds that would bring advanced / core to their coverage targets for these members. */
  suggestedThresholds: { advanced: number | null; core: number | null };
  /** Set when `keepRunning`: the localcloud the run used. */
  localcloud?: Localcloud;
}

interface SimMember {
  n: number;
  openid: string;
  persona: Persona;
  rng: Rng;
  /** Simulated day index the member joins on (-1: before day 1, with history). */
  joinDay: number;
  inviter: SimMember | null;
  inviteCode: string | null;
  hasCard: boolean;
  lastCheckinDay: number;
}

/**
 * `o` + 27 URL-safe characters, like a real OPENID, unique per run seed and member: the member
 * number has a fixed width, so padding can never make two numbers read alike (`1` + `x…` vs `1x`).
 */
export function simOpenid(seed: number, n: number): string {
  return `oSim${seed.toString(36)}_${n.toString(36).padStart(6, '0')}`.padEnd(28, 'x');
}

function readSettings(seedDir: string): Pick<SettingsDoc, 'checkin' | 'tier'> {
  try {
    const docs = JSON.parse(fs.readFileSync(path.join(seedDir, 'settings.json'), 'utf8')) as unknown[];
    const parsed = settingsSchema.safeParse(
      docs.find((d) => typeof d === 'object' && d !== null && (d as { _id?: unknown })._id === 'main'),
    );
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
  } catch {
    return DEFAULT_SETTINGS;
  }
}

async function ensureFunctions(functionsDir: string): Promise<void> {
  const missing = FUNCTIONS.filter((f) => !fs.existsSync(path.join(functionsDir, f, 'index.js')));
  if (missing.length > 0) await buildFunctions({ outDir: functionsDir, names: FUNCTIONS });
}

/** Runs a list of member scripts; each script runs its own calls in order, scripts run side by side. */
async function all(scripts: Array<() => Promise<void>>): Promise<void> {
  await Promise.all(scripts.map((s) => s()));
}

export async function runSimulation(options: SimulationOptions): Promise<SimulationReport> {
  const days = Math.max(1, Math.floor(options.days));
  const seed = options.seed >>> 0;
  const end = options.start ? addDays(options.start, days - 1) : addDays(dayOf(Date.now()), -1);
  const start = options.start ?? addDays(end, -(days - 1));
  const seedDir = options.seedDir ?? path.join(ROOT, 'content', 'demo');
  const functionsDir = options.functionsDir ?? path.join(ROOT, 'dist', 'cloudfunctions');
  const settings = readSettings(seedDir);
  await ensureFunctions(functionsDir);

  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'simulate-'));
  const lc = await startLocalcloud({
    dataDir,
    functionsDir,
    staticDir: options.staticDir,
    seedDir,
    seed: true,
    indexesFile: options.indexesFile ?? path.join(ROOT, 'content', 'indexes.json'),
    fsync: false,
    quiet: true,
    maxWorkersPerFunction: options.workersPerFunction ?? 2,
  });
  const gw = new Gateway(lc.url, options.concurrency ?? 6);
  const runRng = mulberry32(seed);
  const members: SimMember[] = [];
  const tally = { checkins: 0, redemptions: 0, cards: 0, binds: 0, rejected: 0, organic: 0, invited: 0, withHistory: 0 };
  const started = performance.now();

  const addMember = (persona: Persona | PersonaKind | null, joinDay: number, inviter: SimMember | null): SimMember => {
    const n = members.length;
    const rng = memberRng(seed, n);
    const m: SimMember = {
      n,
      openid: simOpenid(seed, n),
      persona: typeof persona === 'object' && persona !== null ? persona : drawPersona(rng, persona ?? undefined),
      rng,
      joinDay,
      inviter,
      inviteCode: null,
      hasCard: false,
      lastCheckinDay: -999,
    };
    members.push(m);
    return m;
  };

  const home = async (m: SimMember): Promise<HomeData | null> => {
    const r = await gw.call<HomeData>(m.openid, 'member', 'home');
    if (r.ok && r.data) m.inviteCode = r.data.invite.code;
    return r.ok && r.data ? r.data : null;
  };

  try {
    // ---- before day 1: the members who were already there, with the growth they had earned ----
    for (let i = 0; i < options.members; i++) {
      const m = addMember(null, 0, null);
      // Members without tenure join during the first third of the month (the launch wave).
      m.joinDay = m.persona.tenureDays > 0 ? -1 : m.rng.int(0, Math.max(0, Math.floor(days / 3)));
    }
    // Their records and grants are dated well before the simulated month (a migration day), so the
    // month's "new members" are the ones who really joined in it.
    lc.setClock(atMinute(addDays(start, -MIGRATION_DAYS_BEFORE), 20 * 60));
    const veterans = members.filter((m) => m.joinDay < 0);
    await all(
      veterans.map((m) => async () => {
        await home(m);
        if (options.history === false) return;
        const past = historyGrowth(m.persona, m.rng, settings);
        if (past.growth === 0) return;
        // Members spent most of what they earned; a tenth to a half is left to redeem with.
        const points = Math.round(past.points * (0.1 + 0.4 * m.rng.next()));
        const r = await gw.call(SIM_OPS_OPENID, 'ops', 'adjust', {
          openid: m.openid,
          points,
          growth: past.growth,
          reason: `历史签到成长值迁移（模拟 ${past.checkins} 天）`,
          requestId: `simhist-${seed}-${m.n}`,
        });
        if (r.ok) tally.withHistory++;
      }),
    );

    // ---- day by day ----
    for (let d = 0; d < days; d++) {
      const date = addDays(start, d);
      const wd = weekday(date);
      lc.setClock(atMinute(date, 8 * 60 + 30));

      const organic = Math.floor(options.members * ORGANIC_JOIN_RATE) + (runRng.chance((options.members * ORGANIC_JOIN_RATE) % 1) ? 1 : 0);
      for (let k = 0; k < organic; k++) {
        addMember(null, d, null).persona.tenureDays = 0;
        tally.organic++;
      }

      const present = members.filter((m) => m.joinDay <= d && m.inviter === null);
      const activeToday = new Set<SimMember>();

      const checkIn = async (m: SimMember) => {
        const r = await gw.call<CheckinData>(m.openid, 'checkin', 'checkin');
        if (r.ok && r.data && !r.data.alreadyCheckedIn) {
          tally.checkins++;
          m.lastCheckinDay = d;
        }
      };

      /** A friend the member brings today: joins, binds the code, maybe checks in straight away. */
      const bringFriend = async (inviter: SimMember) => {
        if (!inviter.inviteCode) return;
        if (!inviter.hasCard) {
          const card = await gw.call(inviter.openid, 'invite', 'card');
          if (card.ok) tally.cards++;
          inviter.hasCard = true;
        }
        const friend = addMember('invitee', d, inviter);
        tally.invited++;
        await home(friend);
        const bound = await gw.call(friend.openid, 'invite', 'bind', { code: inviter.inviteCode });
        if (bound.ok) tally.binds++;
        else tally.rejected++;
        // Some scan the code a second time (ALREADY_INVITED, logged for the funnel).
        if (friend.rng.chance(0.05)) {
          await gw.call(friend.openid, 'invite', 'bind', { code: inviter.inviteCode });
          tally.rejected++;
        }
        if (friend.rng.chance(checkinChance(friend.persona, 0, wd))) {
          activeToday.add(friend);
          await checkIn(friend);
        }
      };

      const dayScript = (m: SimMember) => async () => {
        const memberDay = d - Math.max(0, m.joinDay);
        const isNew = m.joinDay === d;
        const comes = isNew || m.rng.chance(checkinChance(m.persona, memberDay, wd));
        if (!comes) return;
        activeToday.add(m);
        if (isNew || m.rng.chance(0.6) || !m.inviteCode) await home(m);
        await checkIn(m);
        const inviteChance = m.persona.kind === 'koc' ? KOC_INVITE_CHANCE : MEMBER_INVITE_CHANCE;
        if (m.rng.chance(inviteChance)) await bringFriend(m);
        // Mistakes the funnel should show: a KOC scanning their own code, an old member a friend's.
        if (m.persona.kind === 'koc' && m.inviteCode && m.rng.chance(0.03)) {
          await gw.call(m.openid, 'invite', 'bind', { code: m.inviteCode });
          tally.rejected++;
        } else if (!isNew && m.rng.chance(0.002)) {
          const other = members[m.rng.int(0, members.length - 1)];
          if (other !== m && other.inviteCode) {
            await gw.call(m.openid, 'invite', 'bind', { code: other.inviteCode });
            tally.rejected++;
          }
        }
      };

      // Invitees of earlier days come back on their own schedule.
      const friends = members.filter((m) => m.inviter !== null && m.joinDay < d);
      await all([...present, ...friends].map(dayScript));

      // ---- lunch: redeemers look at the packs ----
      lc.setClock(atMinute(date, 12 * 60 + 15));
      const lookers = [...activeToday].filter((m) => m.persona.redeemer && m.rng.chance(REDEEM_LOOK_CHANCE));
      await all(
        lookers.map((m) => async () => {
          const list = await gw.call<RedeemListData>(m.openid, 'redeem', 'list');
          if (!list.ok || !list.data) return;
          const open = list.data.packs.filter((p) => p.eligibility.eligible);
          if (open.length === 0) return;
          // Members reach for the best layer they can, then the dearest pack of it they can afford.
          open.sort((a, b) => tierRank(b.minTier) - tierRank(a.minTier) || b.cost - a.cost);
          const pick = m.rng.chance(0.7) ? open[0] : m.rng.pick(open);
          const r = await gw.call(m.openid, 'redeem', 'redeem', { packId: pick.id, requestId: `sim-${seed}-${m.n}-${d}` });
          if (r.ok) tally.redemptions++;
        }),
      );

      options.onProgress?.({ day: d + 1, days, date, calls: gw.stats.calls, elapsedMs: performance.now() - started });
    }

    // ---- the end of the last day: the active members' tiers, then what ops see ----
    lc.setClock(atMinute(end, 21 * 60));
    const activeFromIndex = days - 30;
    const active = members.filter((m) => m.lastCheckinDay >= activeFromIndex);
    const growths: number[] = [];
    await all(
      active.map((m) => async () => {
        const h = await home(m);
        if (h) growths.push(h.member.windowGrowth);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const statsFrom = dayDiff(start, end) >= 92 ? addDays(end, -91) : start;
    const stats = await gw.call<OpsStatsData>(SIM_OPS_OPENID, 'ops', 'stats', { from: statsFrom, to: end });
    if (!stats.ok || !stats.data) throw new Error(`ops.stats failed: ${JSON.stringify(stats.error)}`);

    const personas = {} as Record<PersonaKind, number>;
    for (const m of members) personas[m.persona.kind] = (personas[m.persona.kind] ?? 0) + 1;
    const targets = settings.tier.coverageTargets;
    return {
      seed,
      from: start,
      to: end,
      days,
      members: {
        initial: options.members,
        organic: tally.organic,
        invited: tally.invited,
        total: members.length,
        withHistory: tally.withHistory,
      },
      personas,
      checkins: tally.checkins,
      redemptions: tally.redemptions,
      invites: { cards: tally.cards, binds: tally.binds, rejectedAttempts: tally.rejected },
      calls: gw.stats.calls,
      seconds,
      callsPerSecond: gw.stats.calls / seconds,
      latencyMs: { p50: percentile(gw.stats.latenciesMs, 50), p95: percentile(gw.stats.latenciesMs, 95) },
      byAction: gw.stats.byAction,
      errors: gw.stats.errors,
      stats: stats.data,
      activeWindowGrowths: growths.sort((a, b) => a - b),
      suggestedThresholds: { advanced: suggestThreshold(growths, targets.advanced), core: suggestThreshold(growths, targets.core) },
      ...(options.keepRunning ? { localcloud: lc } : {}),
    };
  } finally {
    if (!options.keepRunning) {
      await lc.stop();
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
}
