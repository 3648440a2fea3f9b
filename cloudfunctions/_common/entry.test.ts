import { z } from 'zod';
import { AppError } from '@shared/errors';
import { action, contractAction, createEntry, createTimerEntry } from './entry';

const silent = () => undefined;

const MEMBER = 'oAbCdEfGhIjKlMnOpQrStUvWxYz1';

function entry(openid: string | undefined = MEMBER) {
  return createEntry(
    'demo',
    {
      echo: action(z.object({ n: z.number().int().min(0) }).strict(), async (input, caller) => ({ n: input.n, who: caller.openid })),
      fail: action(z.object({}).strict(), async () => {
        throw new AppError('OUT_OF_STOCK');
      }),
      crash: action(z.object({}).strict(), async () => {
        throw new Error('secret database host 10.1.2.3');
      }),
    },
    { identify: () => ({ OPENID: openid, APPID: 'wx5f3a9c1d2e4b6a80' }), log: silent },
  );
}

describe('function entry', () => {
  it('routes an action with validated input and the caller from the context', async () => {
    await expect(entry()({ action: 'echo', n: 3 })).resolves.toEqual({ ok: true, data: { n: 3, who: 'oAbCdEfGhIjKlMnOpQrStUvWxYz1' } });
  });

  it('ignores a forged identity in the event', async () => {
    const answer = await entry()({ action: 'echo', n: 1, userInfo: { openId: 'oForged' } });
    expect(answer).toEqual({ ok: true, data: { n: 1, who: 'oAbCdEfGhIjKlMnOpQrStUvWxYz1' } });
  });

  it.each([
    ['an unknown action', { action: 'drop' }],
    ['a missing action', { n: 1 }],
    ['an inherited property as action', { action: 'toString' }],
    ['a wrong type', { action: 'echo', n: '3' }],
    ['a float', { action: 'echo', n: 1.5 }],
    ['a negative number', { action: 'echo', n: -1 }],
    ['an injection-shaped object', { action: 'echo', n: { $gt: '' } }],
    ['an unknown key', { action: 'echo', n: 1, openid: 'oX' }],
    ['not an object', 'echo'],
  ])('answers INVALID_INPUT for %s', async (_name, event) => {
    const answer = await entry()(event);
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe('INVALID_INPUT');
      expect(answer.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('maps AppError to its code and hides unexpected errors', async () => {
    await expect(entry()({ action: 'fail' })).resolves.toMatchObject({ ok: false, error: { code: 'OUT_OF_STOCK' } });
    const crashed = await entry()({ action: 'crash' });
    expect(crashed).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(crashed)).not.toContain('10.1.2.3');
  });

  it('refuses a call without identity', async () => {
    await expect(entry('')({ action: 'echo', n: 1 })).resolves.toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('contract actions and request preparation', () => {
  const verify = contractAction('redeem', 'verify', async (input) => ({
    code: input.voucherCode,
    packId: 'p',
    packTitle: 't',
    usedAt: '2026-11-23T00:00:00.000Z',
    memberNickname: 'n',
  }));

  it('validates with the shared contract schema (the client sends the same shape)', async () => {
    const prepared: string[] = [];
    const main = createEntry(
      'redeem',
      { verify },
      {
        identify: () => ({ OPENID: MEMBER }),
        prepare: async (caller, name) => {
          prepared.push(`${name}:${caller.openid}`);
          return caller;
        },
        log: silent,
      },
    );
    await expect(main({ action: 'verify', voucherCode: 'k7qm-2xrt-9pab' })).resolves.toMatchObject({
      ok: true,
      data: { code: 'K7QM2XRT9PAB' },
    });
    expect(prepared).toEqual([`verify:${MEMBER}`]);
  });

  it('prepares nothing (no database work) for bad input or an unknown action', async () => {
    const prepare = jest.fn(async (caller: { openid: string; appid: string }) => caller);
    const main = createEntry('redeem', { verify }, { identify: () => ({ OPENID: MEMBER }), prepare, log: silent });
    for (const event of [
      { action: 'verify', voucherCode: { $gt: '' } },
      { action: 'verify', voucherCode: 'x'.repeat(1 << 20) },
      { action: 'list' },
      { action: 'verify' },
    ]) {
      const answer = await main(event);
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(JSON.stringify(answer).length).toBeLessThan(500);
    }
    expect(prepare).not.toHaveBeenCalled();
  });

  it('maps a failing preparation like any other error', async () => {
    const main = createEntry(
      'redeem',
      { verify },
      { identify: () => ({ OPENID: MEMBER }), prepare: async () => Promise.reject(new Error('db down at 10.0.0.1')), log: silent },
    );
    const answer = await main({ action: 'verify', voucherCode: 'K7QM2XRT9PAB' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(answer)).not.toContain('10.0.0.1');
  });
});

describe('timer entry', () => {
  const TIMER = { Type: 'Timer', TriggerName: 'schedule', Time: '2030-05-10T02:00:00Z', Message: '' };

  function timer(identify: () => { OPENID?: string | number; UNIONID?: string | number }) {
    const runs: unknown[] = [];
    const main = createTimerEntry('jobs', {
      identify,
      run: async (event) => {
        runs.push(event);
        return { ran: event.TriggerName };
      },
      log: silent,
    });
    return { main, runs };
  }

  it('runs a timer event that carries no member identity', async () => {
    const { main, runs } = timer(() => ({ OPENID: undefined }));
    await expect(main({ ...TIMER, userInfo: { appId: 'wx5f3a9c1d2e4b6a80' } })).resolves.toEqual({ ok: true, data: { ran: 'schedule' } });
    expect(runs).toHaveLength(1);
  });

  it.each([
    ['a member', () => ({ OPENID: MEMBER })],
    ['a numeric openid', () => ({ OPENID: 123456 })],
    ['a unionid alone', () => ({ UNIONID: 'oUnion_0000000000000000000001' })],
    [
      'an unreadable identity',
      () => {
        throw new Error('no context');
      },
    ],
  ])('refuses %s with FORBIDDEN before anything runs (fail closed)', async (_name, identify) => {
    const { main, runs } = timer(identify as () => { OPENID?: string });
    await expect(main(TIMER)).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(runs).toEqual([]);
  });

  it.each([
    ['a member action', { action: 'home' }],
    ['another trigger type', { ...TIMER, Type: 'Http' }],
    ['no event', undefined],
  ])('refuses %s that is not a timer event', async (_name, event) => {
    const { main, runs } = timer(() => ({}));
    await expect(main(event)).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(runs).toEqual([]);
  });
});
