import type { Envelope } from '@shared/envelope';
import { creditDocId } from '@shared/domain/reminderCredits';
import { createMember } from '../../cloudfunctions/_common/members';
import { runDueJobs } from '../../cloudfunctions/_common/jobs';
import { Database } from '../../cloudfunctions/_common/db';
import { Reminders } from '../../cloudfunctions/_common/reminders';
import { fromSdk } from '../../cloudfunctions/_common/sdk';
import { createServices } from '../../cloudfunctions/_common/services';
import { checkinReminders } from '../../cloudfunctions/jobs/reminders';
import demoSettings from '../../content/demo/settings.json';
import { memberId, OPS, startTestCloud, type TestCloud } from './support/cloud';
import { putContent, seedFundedMembers, shanghai, testPack } from './support/seed';

// Calls go through real worker threads; a busy 2-core machine needs more than 5 s.
jest.setTimeout(120_000);

/**
 * Reminders through the real SDK on localcloud: consent credits from member.subscribe, the `jobs`
 * timer fired as the clock passes each slot, and localcloud's outbox as WeChat's delivery. Never
 * without a credit, never twice for one reason, 43101 clears the credit, other errors wait for a
 * later run, and a run that dies half way sends nobody twice.
 */
const TEMPLATES = demoSettings[0].subscribe;
type Purpose = keyof typeof TEMPLATES;

let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startTestCloud();
  await putContent(cloud, 'benefit_packs', [testPack('remind_pack', { title: '两日体验券', voucherDays: 2, cost: 10 })]);
  await putContent(cloud, 'campaigns', [
    {
      _id: 'winter_fair',
      title: '冬日会员节',
      description: '冬日会员节：每天签到积分翻倍，限定礼盒开兑，更多惊喜等你来发现，记得准时参加',
      preheatAt: '2030-12-10',
      startAt: '2030-12-15',
      endAt: '2030-12-25',
      recapUntil: '2031-01-05',
      boosts: { checkin: { pointsMultiplier: 2, growthMultiplier: 1 } },
      packIds: [],
      badgeId: null,
      active: true,
    },
  ]);
  await cloud.ok('ops', 'validate', OPS);
}, 180_000);

afterAll(async () => {
  cloud.lc.setClock(null);
  await cloud.close();
});

const at = (dayTime: string) => cloud.lc.setClock(shanghai(dayTime));

let requests = 0;
const subscribe = (openid: string, purposes: Purpose[], campaignId?: string) =>
  cloud.ok('member', 'subscribe', openid, {
    accepted: purposes.map((p) => TEMPLATES[p].templateId),
    requestId: `sub-req-${++requests}`,
    ...(campaignId ? { campaignId } : {}),
  });

async function credits(openid: string, purpose: Purpose): Promise<number> {
  const [doc] = await cloud.docs('subscribe_credits', { _id: creditDocId(openid, TEMPLATES[purpose].templateId) });
  return doc ? Number(doc.count) : 0;
}

type Runs = Array<{ job: string; status: string; handled: number }>;

/** Fires the `jobs` timer trigger as localcloud would at the current clock. */
async function runJobs(): Promise<Runs> {
  const { outcome } = await cloud.lc.fireTrigger('jobs', 'schedule');
  if (outcome.kind !== 'ok') throw new Error(`jobs did not answer: ${JSON.stringify(outcome)}`);
  const answer = JSON.parse(outcome.json) as Envelope<{ runs: Runs }>;
  if (!answer.ok) throw new Error(`jobs failed: ${JSON.stringify(answer.error)}`);
  return answer.data.runs;
}

const outboxTo = (openid: string) => cloud.lc.outbox().filter((m) => m.touser === openid);

describe('member.subscribe', () => {
  it('adds one credit per accepted template, once per requestId, even for 20 parallel calls', async () => {
    at('2030-11-20 09:00:00');
    const who = memberId('subRace');
    const event = {
      action: 'subscribe',
      accepted: [TEMPLATES.voucherExpiry.templateId, TEMPLATES.tierWarning.templateId],
      requestId: 'race-0001',
    };
    const answers = await Promise.all(Array.from({ length: 20 }, () => cloud.call('member', who, event)));
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(await credits(who, 'voucherExpiry')).toBe(1);
    expect(await credits(who, 'tierWarning')).toBe(1);

    const again = await subscribe(who, ['voucherExpiry']);
    expect(again.granted).toEqual(['voucherExpiry']);
    expect(again.reminders.find((r) => r.purpose === 'voucherExpiry')).toMatchObject({ title: '优惠券到期提醒', credits: 2 });
    // Every purpose with a template is listed, with 0 when the member allowed none.
    expect(again.reminders.find((r) => r.purpose === 'checkinReminder')).toMatchObject({ credits: 0 });
    expect(again.reminders.map((r) => r.purpose)).toEqual([
      'checkinReminder',
      'voucherExpiry',
      'pointsExpiry',
      'tierWarning',
      'inviteActivated',
      'campaignStart',
    ]);
  });

  it('refuses a template no purpose uses, and a start reminder without a campaign in pre-heat, changing nothing', async () => {
    const who = memberId('subBad');
    const unknown = await cloud.fail('member', who, {
      action: 'subscribe',
      accepted: ['Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp'],
      requestId: 'bad-sub-0001',
    });
    expect(unknown.code).toBe('INVALID_INPUT');
    expect(unknown.message).toMatch(/[\u4e00-\u9fa5]/);
    const noCampaign = await cloud.fail('member', who, {
      action: 'subscribe',
      accepted: [TEMPLATES.campaignStart.templateId],
      requestId: 'bad-sub-0002',
    });
    expect(noCampaign.code).toBe('INVALID_INPUT');
    const notYet = await cloud.fail('member', who, {
      action: 'subscribe',
      accepted: [TEMPLATES.campaignStart.templateId],
      requestId: 'bad-sub-0003',
      campaignId: 'winter_fair',
    });
    expect(notYet.code).toBe('NOT_AVAILABLE_NOW');
    expect(await cloud.docs('subscribe_credits', { openid: who })).toEqual([]);
  });

  it('withdraws a purpose: its credits go, a late retry of an earlier request grants nothing', async () => {
    const who = memberId('subWithdraw');
    await cloud.ok('member', 'subscribe', who, { accepted: [TEMPLATES.checkinReminder.templateId], requestId: 'withdraw-0001' });
    expect(await credits(who, 'checkinReminder')).toBe(1);
    const after = await cloud.ok('member', 'unsubscribe', who, { purpose: 'checkinReminder' });
    expect(after.reminders.find((r) => r.purpose === 'checkinReminder')).toMatchObject({ credits: 0 });
    await cloud.ok('member', 'subscribe', who, { accepted: [TEMPLATES.checkinReminder.templateId], requestId: 'withdraw-0001' });
    expect(await credits(who, 'checkinReminder')).toBe(0);
  });
});

describe('the 10:00 voucher reminder', () => {
  it('sends one message to a member with a credit and a voucher expiring within 3 days, once', async () => {
    at('2030-12-01 08:00:00');
    const [withCredit, without] = await seedFundedMembers(cloud, 'remVoucher', 2, 100, cloud.lc.now().getTime());
    const voucher = (await cloud.ok('redeem', 'redeem', withCredit, { packId: 'remind_pack', requestId: 'remind-v-0001' })).voucher;
    await cloud.ok('redeem', 'redeem', without, { packId: 'remind_pack', requestId: 'remind-v-0002' });
    await subscribe(withCredit, ['voucherExpiry']);
    expect(await credits(withCredit, 'voucherExpiry')).toBe(1);

    at('2030-12-01 09:55:00');
    await runJobs();
    expect(outboxTo(withCredit)).toEqual([]);

    at('2030-12-01 10:05:00');
    const runs = await runJobs();
    expect(runs.find((r) => r.job === 'voucherExpiryReminders')).toMatchObject({ status: 'done', handled: 1 });
    const [message, ...more] = outboxTo(withCredit);
    expect(more).toEqual([]);
    expect(message).toMatchObject({
      template_id: TEMPLATES.voucherExpiry.templateId,
      page: 'packages/benefits/pages/vouchers/index',
      data: {
        thing1: { value: '两日体验券' },
        time2: { value: '2030年12月3日 00:00' },
        character_string3: { value: voucher.code },
        thing4: { value: '券即将到期，记得在有效期内使用' },
      },
    });
    expect(outboxTo(without)).toEqual([]);
    expect(await credits(withCredit, 'voucherExpiry')).toBe(0);

    // A second run, even a second trigger in the same slot: nothing more.
    at('2030-12-01 10:15:00');
    await runJobs();
    expect(outboxTo(withCredit)).toHaveLength(1);

    // The member opens the mini-program within 24 h: the message counts as bringing them back.
    at('2030-12-01 12:00:00');
    await cloud.ok('member', 'home', withCredit);
    await cloud.ok('member', 'home', withCredit);
    const stats = await cloud.ok('ops', 'stats', OPS, { from: '2030-12-01', to: '2030-12-01' });
    expect(stats.reminders.byPurpose.find((p) => p.purpose === 'voucherExpiry')).toEqual({
      purpose: 'voucherExpiry',
      name: '券到期提醒',
      sent: 1,
      returned: 1,
    });
  });
});

describe('the 20:00 check-in reminder', () => {
  it('goes to a streak of 2+ with a credit that has not checked in today, and skips one who has', async () => {
    const [forgot, checkedIn, noCredit] = [memberId('remForgot'), memberId('remChecked'), memberId('remNoCredit')];
    for (const day of ['2030-12-02', '2030-12-03']) {
      at(`${day} 09:00:00`);
      for (const who of [forgot, checkedIn, noCredit]) await cloud.ok('checkin', 'checkin', who);
    }
    await subscribe(forgot, ['checkinReminder']);
    await subscribe(checkedIn, ['checkinReminder']);

    at('2030-12-04 12:00:00');
    await cloud.ok('checkin', 'checkin', checkedIn);
    at('2030-12-04 20:05:00');
    await runJobs();

    const [message, ...more] = outboxTo(forgot);
    expect(more).toEqual([]);
    expect(message).toMatchObject({
      template_id: TEMPLATES.checkinReminder.templateId,
      page: 'pages/index/index',
      data: {
        thing1: { value: '每日签到' },
        number2: { value: '2' },
        time3: { value: '2030年12月4日 23:59' },
        thing4: { value: '已连续签到2天，今天别断了' },
      },
    });
    expect(outboxTo(checkedIn)).toEqual([]);
    expect(outboxTo(noCredit)).toEqual([]);
    expect(await credits(checkedIn, 'checkinReminder')).toBe(1);

    at('2030-12-04 21:00:00');
    await runJobs();
    expect(outboxTo(forgot)).toHaveLength(1);
  });
});

describe("WeChat's refusals", () => {
  it('43101 clears the credit; another error is tried again by a later run, not in a loop', async () => {
    at('2030-12-05 08:00:00');
    const [refuses, flaky] = await seedFundedMembers(cloud, 'remErr', 2, 100, cloud.lc.now().getTime());
    for (const who of [refuses, flaky]) {
      await cloud.ok('redeem', 'redeem', who, { packId: 'remind_pack', requestId: `remind-e-${who.slice(1, 12)}` });
      await subscribe(who, ['voucherExpiry']);
      await subscribe(who, ['voucherExpiry']);
    }
    cloud.lc.addOpenApiFault({ api: 'subscribeMessage.send', match: { touser: refuses }, errcode: 43101 });
    const flakyFault = cloud.lc.addOpenApiFault({ api: 'subscribeMessage.send', match: { touser: flaky }, errcode: -1, times: 1 });

    at('2030-12-05 10:05:00');
    await runJobs();
    expect(outboxTo(refuses)).toEqual([]);
    expect(outboxTo(flaky)).toEqual([]);
    expect(await credits(refuses, 'voucherExpiry')).toBe(0);
    const [refused] = await cloud.docs('subscribe_sends', { openid: refuses });
    expect(refused).toMatchObject({ status: 'refused', lastError: 43101 });
    const [failed] = await cloud.docs('subscribe_sends', { openid: flaky });
    expect(failed).toMatchObject({ status: 'failed', lastError: -1, attempts: 1 });
    // One attempt in that run: no loop.
    expect(cloud.lc.openApiFaults().find((f) => f.id === flakyFault.id)?.hits).toBe(1);

    // A run before the wait is over leaves it; the next one after it sends it, once.
    at('2030-12-05 10:10:00');
    await runJobs();
    expect(outboxTo(flaky)).toEqual([]);
    at('2030-12-05 10:20:00');
    await runJobs();
    expect(outboxTo(flaky)).toHaveLength(1);
    expect((await cloud.docs('subscribe_sends', { openid: flaky }))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    // The credit it spent is spent once: one of the two is left.
    expect(await credits(flaky, 'voucherExpiry')).toBe(1);
    at('2030-12-05 10:30:00');
    await runJobs();
    expect(outboxTo(flaky)).toHaveLength(1);
    cloud.lc.clearOpenApiFaults();
  });
});

describe('the campaign start reminder', () => {
  it('tells the members who asked during the pre-heat at 10:00 the day before the start day', async () => {
    const [asked, other] = [memberId('remFairA'), memberId('remFairB')];
    at('2030-12-12 15:00:00');
    const home = await cloud.ok('member', 'home', asked);
    expect(home.campaign).toMatchObject({ id: 'winter_fair', phase: 'preheat', remindable: true });
    await subscribe(asked, ['campaignStart'], 'winter_fair');
    await cloud.ok('member', 'home', other);
    const mine = await cloud.ok('member', 'subscriptions', asked);
    expect(mine.reminders.find((r) => r.purpose === 'campaignStart')).toMatchObject({
      credits: 1,
      campaigns: [{ id: 'winter_fair', title: '冬日会员节' }],
    });

    at('2030-12-13 10:05:00');
    await runJobs();
    expect(outboxTo(asked)).toEqual([]);
    at('2030-12-14 10:05:00');
    await runJobs();
    const [message, ...more] = outboxTo(asked);
    expect(more).toEqual([]);
    expect(message).toMatchObject({
      template_id: TEMPLATES.campaignStart.templateId,
      page: 'packages/program/pages/campaign/index?id=winter_fair',
      data: { thing1: { value: '冬日会员节' }, time2: { value: '2030年12月15日 00:00' } },
    });
    expect([...String((message.data.thing3 as { value: string }).value)].length).toBeLessThanOrEqual(20);
    expect(outboxTo(other)).toEqual([]);
    // Too late to ask now: the reminder run is over.
    expect(
      await cloud.fail('member', other, {
        action: 'subscribe',
        accepted: [TEMPLATES.campaignStart.templateId],
        requestId: 'late-sub-0001',
        campaignId: 'winter_fair',
      }),
    ).toMatchObject({ code: 'NOT_AVAILABLE_NOW' });
  });
});

describe('the friend activated notice', () => {
  it('goes to the inviter who asked when the friend activates, once', async () => {
    const [inviter, friend] = [memberId('remInviter'), memberId('remFriend')];
    at('2030-12-16 09:00:00');
    const { code } = await cloud.ok('invite', 'card', inviter);
    await subscribe(inviter, ['inviteActivated']);
    await cloud.ok('invite', 'bind', friend, { code });
    for (const day of ['2030-12-16', '2030-12-17', '2030-12-18']) {
      at(`${day} 09:30:00`);
      await cloud.ok('checkin', 'checkin', friend);
    }
    const [message, ...more] = outboxTo(inviter);
    expect(more).toEqual([]);
    const friendName = (await cloud.ok('member', 'home', friend)).member.nickname;
    expect(message).toMatchObject({
      template_id: TEMPLATES.inviteActivated.templateId,
      page: 'packages/invite/pages/card/index',
      data: {
        thing1: { value: friendName },
        time2: { value: '2030年12月18日 09:30' },
        thing3: { value: '+50积分 +30成长值' },
        phrase4: { value: '已激活' },
      },
    });
    expect(await credits(inviter, 'inviteActivated')).toBe(0);
  });
});

describe('a run that dies half way', () => {
  it('sends nobody twice: the page is redone and each message found recorded', async () => {
    at('2030-12-20 08:00:00');
    const now = cloud.lc.now().getTime();
    const members = Array.from({ length: 6 }, (_v, i) => memberId(`remCrash${i}`));
    const template = TEMPLATES.checkinReminder.templateId;
    await Promise.all(
      members.map(async (openid) => {
        await cloud.db.add('members', {
          ...createMember(openid, now),
          streak: { current: 4, best: 4, lastDate: '2030-12-19' },
          checkinDays: 4,
        });
        await cloud.db.add('subscribe_credits', {
          _id: creditDocId(openid, template),
          openid,
          templateId: template,
          purpose: 'checkinReminder',
          count: 1,
          campaigns: [],
          requests: ['seeded'],
          createdAt: new Date(now).toISOString(),
          updatedAt: new Date(now).toISOString(),
        });
      }),
    );

    // The jobs, in this process through the real SDK, die right after WeChat accepted the third message.
    const sdk = fromSdk(require('wx-server-sdk') as typeof import('wx-server-sdk'));
    const services = createServices(sdk);
    let recorded = 0;
    class DyingDatabase extends Database {
      override async update(coll: string, id: string, data: Record<string, unknown>): Promise<number> {
        if (coll === 'subscribe_sends' && data.status === 'sent' && ++recorded === 3) throw new Error('the instance died');
        return super.update(coll, id, data);
      }
    }
    services.reminders = new Reminders(new DyingDatabase(sdk.database({ throwOnNotFound: false })), services.counters, sdk);
    at('2030-12-20 20:05:00');
    const [crashed] = await runDueJobs([checkinReminders], { services, now: cloud.lc.now().getTime() });
    expect(crashed).toMatchObject({ job: 'checkinReminderReminders', status: 'failed' });
    expect(members.map((m) => outboxTo(m).length)).toEqual([1, 1, 1, 0, 0, 0]);

    // The next trigger redoes the page: those already sent are found recorded, the rest go.
    at('2030-12-20 20:10:00');
    await runJobs();
    expect(members.map((m) => outboxTo(m).length)).toEqual([1, 1, 1, 1, 1, 1]);
    at('2030-12-20 20:20:00');
    await runJobs();
    expect(members.map((m) => outboxTo(m).length)).toEqual([1, 1, 1, 1, 1, 1]);
    // The message whose answer was lost stays `sending`; the nightly cleanup marks it lost, never to be sent again.
    const stuck = (await cloud.docs('subscribe_sends', { status: 'sending' })).map((s) => s.openid);
    expect(stuck).toHaveLength(1);
    at('2030-12-21 03:35:00');
    await runJobs();
    expect(await cloud.docs('subscribe_sends', { status: 'sending' })).toEqual([]);
    expect((await cloud.docs('subscribe_sends', { openid: stuck[0] }))[0]).toMatchObject({ status: 'lost' });
  });
});

describe('housekeeping', () => {
  it('recounts the rarity counters and clears ended rate-limit windows at night', async () => {
    at('2030-12-22 03:00:00');
    const [firstBadge] = (await cloud.docs('badges')).filter((b) => b._id === 'first_checkin');
    expect(firstBadge).toBeDefined();
    const holders = (await cloud.docs('members')).filter((m) => (m.badges as Array<{ id: string }>).some((b) => b.id === 'first_checkin'));
    expect(holders.length).toBeGreaterThan(0);
    await cloud.db.set('counters', 'badge_first_checkin', { count: 999 });
    await cloud.db.add('rate_limits', { _id: 'rl_old', count: 3, expiresAt: shanghai('2030-12-21 12:00:00') });
    await cloud.db.add('rate_limits', { _id: 'rl_live', count: 1, expiresAt: shanghai('2030-12-22 12:00:00') });

    at('2030-12-22 04:05:00');
    await runJobs();
    const [counter] = await cloud.docs('counters', { _id: 'badge_first_checkin' });
    expect(counter.count).toBe(holders.length);
    expect((await cloud.docs('rate_limits')).map((r) => r._id).filter((id) => id.startsWith('rl_'))).toEqual(['rl_live']);
  });
});

describe('the 10:00 tier warning', () => {
  it('warns once of a tier that drops within 14 days as growth leaves the window', async () => {
    at('2030-12-24 08:00:00');
    const now = cloud.lc.now().getTime();
    const [dropping, safe] = [memberId('remTierDrop'), memberId('remTierSafe')];
    // 400 growth earned on 2029-12-30 leaves the 12-month window on 2030-12-30: advanced drops to basic.
    await cloud.db.add('members', { ...createMember(dropping, now), tier: 'advanced', growth: 400, growthDays: { '2029-12-30': 400 } });
    // The same growth earned a month later: no drop within 14 days.
    await cloud.db.add('members', { ...createMember(safe, now), tier: 'advanced', growth: 400, growthDays: { '2030-01-30': 400 } });
    for (const who of [dropping, safe]) await subscribe(who, ['tierWarning']);

    at('2030-12-24 10:05:00');
    await runJobs();
    const [message, ...more] = outboxTo(dropping);
    expect(more).toEqual([]);
    expect(message).toMatchObject({
      template_id: TEMPLATES.tierWarning.templateId,
      page: 'packages/program/pages/tiers/index',
      data: {
        thing1: { value: '进阶层' },
        thing2: { value: '基础层' },
        date3: { value: '2030年12月30日' },
        thing4: { value: '再得350成长值可保持进阶层' },
      },
    });
    expect(outboxTo(safe)).toEqual([]);

    // The next morning the same drop is not told again.
    at('2030-12-25 10:05:00');
    await subscribe(dropping, ['tierWarning']);
    await runJobs();
    expect(outboxTo(dropping)).toHaveLength(1);
  });
});

describe('the 10:00 points expiry reminder', () => {
  it('tells a member whose points expire within 30 days, from the expiry lots, once per last day', async () => {
    at('2030-12-26 08:00:00');
    const now = cloud.lc.now().getTime();
    const [expiring, later] = [memberId('remPtsSoon'), memberId('remPtsLater')];
    // 80 points earned in 2029-12 expire after 2030-12-31 (12 months); 20 from 2030-06 last longer.
    await cloud.db.add('members', {
      ...createMember(expiring, now),
      points: 100,
      pointLots: { '2029-12': 80, '2030-06': 20 },
      oldestLot: '2029-12',
    });
    await cloud.db.add('members', { ...createMember(later, now), points: 100, pointLots: { '2030-06': 100 }, oldestLot: '2030-06' });
    for (const who of [expiring, later]) await subscribe(who, ['pointsExpiry']);

    at('2030-12-26 10:05:00');
    await runJobs();
    const [message, ...more] = outboxTo(expiring);
    expect(more).toEqual([]);
    expect(message).toMatchObject({
      template_id: TEMPLATES.pointsExpiry.templateId,
      page: 'packages/profile/pages/ledger/index',
      data: {
        number1: { value: '80' },
        date2: { value: '2030年12月31日' },
        number3: { value: '100' },
        thing4: { value: '80积分将于12月31日后过期' },
      },
    });
    expect(outboxTo(later)).toEqual([]);
    expect(await credits(expiring, 'pointsExpiry')).toBe(0);

    // Allowed again the next day: the same points, the same last day — not told twice.
    await subscribe(expiring, ['pointsExpiry']);
    at('2030-12-27 10:05:00');
    await runJobs();
    expect(outboxTo(expiring)).toHaveLength(1);
    expect(await credits(expiring, 'pointsExpiry')).toBe(1);
  });
});
