import { wxacodeText } from '../../localcloud';
import { renderWxacode } from '../../localcloud/src/openapi/wxacode';
import { ledgerConsistency, memberId, startTestCloud, type TestCloud } from './support/cloud';
import { putContent, seedFundedMembers, shanghai, testPack } from './support/seed';

// Calls go through real worker threads and HTTP; a busy 2-core machine needs more than 5 s.
jest.setTimeout(60_000);

/**
 * invite.* on localcloud through the real SDK: a card with a stored mini-program code; binds
 * only for new members, once, never to oneself, each rejection logged; the inviter is paid once
 * and only at the friend's activation, within the daily cap; one level only.
 */
let cloud: TestCloud;

beforeAll(async () => {
  // No published pages: only a code requested with check_path false can be drawn (an unreleased app).
  cloud = await startTestCloud({ appPages: [] });
  await putContent(cloud, 'benefit_packs', [testPack('invite_pack', { stock: null, cost: 5 })]);
}, 120_000);

afterAll(async () => {
  cloud.lc.setClock(null);
  await cloud.close();
});

const codeOf = async (openid: string) => (await cloud.ok('invite', 'card', openid, {})).code;
const bind = (openid: string, code: string) => cloud.call('invite', openid, { action: 'bind', code });
const ledgerOf = async (openid: string) => cloud.docs('ledger', { openid });

describe('invite card', () => {
  it('gives the code, the share path and a mini-program code stored once per member', async () => {
    const who = memberId('carder');
    const card = await cloud.ok('invite', 'card', who, {});
    expect(card.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(card.sharePath).toBe(`pages/index/index?inviteCode=${card.code}`);
    expect(card.shareTitle).not.toMatch(/积分|奖励|成长值|领/);
    expect(card.qrFileId).toMatch(/^cloud:\/\//);
    const image = await fetch(card.qrUrl ?? '');
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    // The image is the code of the landing page with the short scene `i=<code>`, for the released app.
    const expected = renderWxacode(wxacodeText('pages/index/index', `i=${card.code}`, 'release'), 430, { r: 0, g: 0, b: 0, a: 255 }, false);
    expect(Buffer.from(await image.arrayBuffer()).equals(expected)).toBe(true);
    const again = await cloud.ok('invite', 'card', who, {});
    expect(again.qrFileId).toBe(card.qrFileId);
    expect(await cloud.docs('invite_cards', { _id: who })).toEqual([expect.objectContaining({ fileId: card.qrFileId, code: card.code })]);
  });
});

describe('binding', () => {
  it('binds a new member once and rejects everything else with a logged reason', async () => {
    cloud.lc.setClock(shanghai('2030-09-01 09:00:00'));
    const inviter = memberId('bindA');
    const code = await codeOf(inviter);

    const friend = memberId('bindB');
    const bound = await bind(friend, code.toLowerCase());
    expect(bound).toEqual({ ok: true, data: { bound: true, inviterNickname: expect.any(String) } });
    expect(await cloud.docs('invites', { _id: friend })).toEqual([expect.objectContaining({ inviter, status: 'bound', code })]);
    // Binding pays nobody.
    expect(await ledgerOf(inviter)).toEqual([]);

    expect(await bind(friend, code)).toMatchObject({ ok: false, error: { code: 'ALREADY_INVITED' } });
    expect(await bind(inviter, code)).toMatchObject({ ok: false, error: { code: 'SELF_INVITE' } });
    expect(await bind(memberId('bindC'), '2345ABCD')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const regular = memberId('bindD');
    await cloud.ok('checkin', 'checkin', regular, {});
    expect(await bind(regular, code)).toMatchObject({ ok: false, error: { code: 'NOT_NEW_MEMBER' } });
    const older = memberId('bindE');
    await cloud.ok('member', 'home', older, {});
    cloud.lc.setClock(shanghai('2030-09-02 10:00:00')); // joined more than 24 h ago
    expect(await bind(older, code)).toMatchObject({ ok: false, error: { code: 'NOT_NEW_MEMBER' } });

    const attempts = await cloud.docs('invite_attempts');
    const reasons = attempts.map((a) => [a.invitee, a.reason]);
    expect(reasons).toEqual(
      expect.arrayContaining([
        [friend, 'ALREADY_INVITED'],
        [inviter, 'SELF_INVITE'],
        [memberId('bindC'), 'NOT_FOUND'],
        [regular, 'NOT_NEW_MEMBER'],
        [older, 'NOT_NEW_MEMBER'],
      ]),
    );
    expect(await cloud.docs('invites', { inviter })).toHaveLength(1);
  });

  it('rate-limits binds per member: past 10 a day every call is RATE_LIMITED and logs nothing', async () => {
    cloud.lc.setClock(shanghai('2031-02-01 10:00:00'));
    const prober = memberId('prober');
    await cloud.ok('checkin', 'checkin', prober, {});
    const code = await codeOf(memberId('probed'));
    const answers: string[] = [];
    for (let i = 0; i < 13; i++) {
      const a = await bind(prober, code);
      answers.push(a.ok ? 'OK' : a.error.code);
    }
    expect(answers).toEqual([...Array<string>(10).fill('NOT_NEW_MEMBER'), 'RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
    expect(await cloud.docs('invite_attempts', { invitee: prober })).toHaveLength(10);
    // Another member is not held back by it, and the next day the prober may try again.
    expect(await bind(memberId('probeFresh'), code)).toMatchObject({ ok: true });
    cloud.lc.setClock(shanghai('2031-02-02 10:00:00'));
    expect(await bind(prober, code)).toMatchObject({ ok: false, error: { code: 'NOT_NEW_MEMBER' } });
  });

  it('binds one of two parallel binds to different inviters', async () => {
    const [a, b] = [memberId('parA'), memberId('parB')];
    const [codeA, codeB] = [await codeOf(a), await codeOf(b)];
    const friend = memberId('parFriend');
    const answers = await Promise.all([bind(friend, codeA), bind(friend, codeB)]);
    expect(answers.filter((x) => x.ok)).toHaveLength(1);
    expect(answers.filter((x) => !x.ok)).toEqual([
      expect.objectContaining({ error: expect.objectContaining({ code: 'ALREADY_INVITED' }) }),
    ]);
  });
});

describe('activation and reward', () => {
  it('pays the inviter once, when the friend checks in on the 3rd day within 7', async () => {
    cloud.lc.setClock(shanghai('2030-10-01 09:00:00'));
    const inviter = memberId('actA');
    const friend = memberId('actB');
    await bind(friend, await codeOf(inviter));
    for (const day of ['2030-10-01', '2030-10-03']) {
      cloud.lc.setClock(shanghai(`${day} 20:00:00`));
      await cloud.ok('checkin', 'checkin', friend, {});
      expect(await ledgerOf(inviter)).toEqual([]);
    }
    cloud.lc.setClock(shanghai('2030-10-07 23:00:00'));
    await cloud.ok('checkin', 'checkin', friend, {});
    const paid = (await ledgerOf(inviter)).filter((e) => e.kind === 'invite_reward');
    expect(paid).toEqual([expect.objectContaining({ points: 50, growth: 30, refId: friend })]);
    const [invite] = await cloud.docs('invites', { _id: friend });
    expect(invite).toMatchObject({
      status: 'rewarded',
      via: 'checkins',
      reward: { points: 50, growth: 30 },
      days: ['2030-10-01', '2030-10-03', '2030-10-07'],
    });
    const [inviterDoc] = await cloud.docs('members', { _id: inviter });
    expect(inviterDoc.invitesActivated).toBe(1);
    expect((inviterDoc.badges as Array<{ id: string }>).map((b) => b.id)).toContain('first_invite');

    cloud.lc.setClock(shanghai('2030-10-08 08:00:00'));
    await cloud.ok('checkin', 'checkin', friend, {});
    expect((await ledgerOf(inviter)).filter((e) => e.kind === 'invite_reward')).toHaveLength(1);

    const mine = await cloud.ok('invite', 'mine', inviter, {});
    expect(mine.totals).toEqual({ invited: 1, activated: 1, rewarded: 1, pointsEarned: 50, growthEarned: 30 });
    expect(mine.invitees[0]).toMatchObject({
      status: 'rewarded',
      expired: false,
      reward: { points: 50, growth: 30 },
      progress: { checkinDays: 3, needed: 3 },
    });
  });

  it('never activates a friend who misses the window, and says so', async () => {
    cloud.lc.setClock(shanghai('2030-11-01 09:00:00'));
    const inviter = memberId('lateA');
    const friend = memberId('lateB');
    await bind(friend, await codeOf(inviter));
    await cloud.ok('checkin', 'checkin', friend, {});
    for (const day of ['2030-11-08', '2030-11-09']) {
      cloud.lc.setClock(shanghai(`${day} 09:00:00`));
      await cloud.ok('checkin', 'checkin', friend, {});
    }
    expect(await ledgerOf(inviter)).toEqual([]);
    const mine = await cloud.ok('invite', 'mine', inviter, {});
    expect(mine.invitees[0]).toMatchObject({
      status: 'bound',
      expired: true,
      progress: { checkinDays: 1, needed: 3, deadline: '2030-11-07' },
      reward: null,
    });
  });

  it('applies the daily cap to parallel activations: 5 paid, the 6th activated without reward, paid again the next day', async () => {
    cloud.lc.setClock(shanghai('2030-12-01 10:00:00'));
    const inviter = memberId('koc');
    const code = await codeOf(inviter);
    const friends = await seedFundedMembers(cloud, 'kocFriend', 7, 100, Date.parse(shanghai('2030-12-01 09:00:00')));
    for (const f of friends) expect((await bind(f, code)).ok).toBe(true);
    // First redemptions activate (orFirstRedemption) — six at once.
    const answers = await Promise.all(
      friends.slice(0, 6).map((f, i) => cloud.call('redeem', f, { action: 'redeem', packId: 'invite_pack', requestId: `koc-redeem-${i}` })),
    );
    expect(answers.every((a) => a.ok)).toBe(true);
    const rewards = (await ledgerOf(inviter)).filter((e) => e.kind === 'invite_reward');
    expect(rewards).toHaveLength(5);
    const invites = await cloud.docs('invites', { inviter });
    expect(invites.filter((i) => i.status === 'rewarded')).toHaveLength(5);
    expect(invites.filter((i) => i.status === 'activated')).toEqual([
      expect.objectContaining({ rewardSkippedReason: 'DAILY_CAP', via: 'redemption' }),
    ]);
    const [k] = await cloud.docs('members', { _id: inviter });
    // 5 rewards (250 points, 150 growth), and what the nodes those activations lit unlock: 社群 at 1 and
    // 3 friends (30 + 80; its third node asks for a team challenge). Growth lights no node (学习 is on events).
    expect(k).toMatchObject({ invitesActivated: 6, points: 250 + 30 + 80, growth: 150 });
    expect((k.nodes as Array<{ id: string }>).map((n) => n.id).sort()).toEqual(['community_1', 'community_2']);

    cloud.lc.setClock(shanghai('2030-12-02 10:00:00'));
    await cloud.ok('redeem', 'redeem', friends[6], { packId: 'invite_pack', requestId: 'koc-redeem-6' });
    expect((await ledgerOf(inviter)).filter((e) => e.kind === 'invite_reward')).toHaveLength(6);
    const mine = await cloud.ok('invite', 'mine', inviter, {});
    expect(mine.totals).toEqual({ invited: 7, activated: 7, rewarded: 6, pointsEarned: 300, growthEarned: 180 });
    expect(mine.invitees.filter((i) => i.rewardSkippedReason === 'DAILY_CAP')).toHaveLength(1);
    expect(await ledgerConsistency(cloud)).toEqual([]);
  });

  it('rewards one level only', async () => {
    cloud.lc.setClock(shanghai('2031-01-05 10:00:00'));
    const top = memberId('levelTop');
    const [middle] = await seedFundedMembers(cloud, 'levelMid', 1, 100, Date.parse(shanghai('2031-01-05 09:00:00')));
    await bind(middle, await codeOf(top));
    const [bottom] = await seedFundedMembers(cloud, 'levelLow', 1, 100, Date.parse(shanghai('2031-01-05 09:00:00')));
    await bind(bottom, await codeOf(middle));
    await cloud.ok('redeem', 'redeem', bottom, { packId: 'invite_pack', requestId: 'level-0001' });
    expect((await ledgerOf(middle)).filter((e) => e.kind === 'invite_reward')).toHaveLength(1);
    expect(await ledgerOf(top)).toEqual([]);
  });
});
