/**
 * Contract tests of the platform adapters: the WeChat and browser files of each adapter export
 * the same names with the same kinds (function / value), as their shared `.d.ts` declares, and
 * the browser ones behave as the H5 build needs.
 */
jest.mock('@tarojs/taro', () => require('@/testing/taro'));
jest.mock('@tarojs/components', () => require('@/testing/taroComponents'));

import fs from 'node:fs';
import path from 'node:path';
// The simulated subscription sheet's store, created before any test (stores register their reset then).
import { useSubscribeSheet } from './subscribeSheet';

const CLIENT = path.resolve(__dirname, '..');

/** Every `x.weapp.ts[x]` in the client with its `x.h5.ts[x]` twin and `x.d.ts` (or `index.d.ts`). */
function adapterPairs(): Array<{ name: string; weapp: string; h5: string; dts: string }> {
  const out: Array<{ name: string; weapp: string; h5: string; dts: string }> = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'ops') walk(p);
        continue;
      }
      const m = /^(.*)\.weapp\.(tsx?)$/.exec(entry.name);
      if (m)
        out.push({
          name: path.relative(CLIENT, path.join(dir, m[1])),
          weapp: p,
          h5: path.join(dir, `${m[1]}.h5.${m[2]}`),
          dts: path.join(dir, `${m[1]}.d.ts`),
        });
    }
  };
  walk(CLIENT);
  return out;
}

function shape(mod: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.keys(mod)
      .sort()
      .map((k) => [k, typeof mod[k]]),
  );
}

const pairs = adapterPairs();

it('finds the adapters', () => {
  expect(pairs.map((p) => p.name).sort()).toEqual(
    expect.arrayContaining([
      'components/DevMemberSwitcher/index',
      'components/PosterCanvas/index',
      'components/ShareButton/index',
      'packages/profile/components/AvatarPicker/index',
      'platform/avatar',
      'platform/fileExport',
      'platform/poster',
      'platform/random',
      'platform/scanner',
      'platform/subscribe',
      'components/SubscribeSheet/index',
      'services/cloud/transport',
    ]),
  );
});

describe.each(pairs)('$name', ({ weapp, h5, dts }) => {
  it('has a browser twin and one declared interface', () => {
    expect(fs.existsSync(h5)).toBe(true);
    expect(fs.existsSync(dts)).toBe(true);
  });

  it('exports the same names on both platforms', () => {
    const a = shape(jest.requireActual(weapp));
    const b = shape(jest.requireActual(h5));
    expect(a).toEqual(b);
    const declared = [...fs.readFileSync(dts, 'utf8').matchAll(/export declare (?:const|function) (\w+)/g)].map((m) => m[1]).sort();
    expect(Object.keys(a).sort()).toEqual(declared);
  });
});

describe('browser behaviour', () => {
  it('random bytes come from the secure source', async () => {
    const { randomBytes } = await import('./random');
    const bytes = await randomBytes(32);
    expect(bytes).toHaveLength(32);
    expect(new Set(bytes).size).toBeGreaterThan(8);
  });

  it('a browser cannot scan or choose an avatar: staff type codes, avatars are changed in WeChat', async () => {
    const scanner = await import('./scanner');
    const avatar = await import('./avatar');
    expect(scanner.canScan).toBe(false);
    await expect(scanner.scanCode()).resolves.toBeNull();
    expect(avatar.canChooseAvatar).toBe(false);
  });

  it('the subscription sheet is simulated: 允许 answers the ticked templates, 取消 none', async () => {
    const { requestSubscribe } = await import('./subscribe');
    const a = { templateId: 'Aa1Bb2Cc3Dd4Ee5Ff6', title: '签到提醒' };
    const b = { templateId: 'Gg7Hh8Ii9Jj0Kk1Ll2', title: '优惠券到期提醒' };
    const allowed = requestSubscribe([a, b]);
    expect(useSubscribeSheet.getState().ticked).toEqual([a.templateId, b.templateId]);
    useSubscribeSheet.getState().toggle(b.templateId);
    useSubscribeSheet.getState().answer(true);
    await expect(allowed).resolves.toEqual([a.templateId]);
    const cancelled = requestSubscribe([a]);
    useSubscribeSheet.getState().answer(false);
    await expect(cancelled).resolves.toEqual([]);
  });

  it('a browser downloads an export under its own name', async () => {
    const { deliverFile } = await import('./fileExport');
    const clicks: Array<{ href: string; download: string }> = [];
    const anchor = {
      href: '',
      download: '',
      rel: '',
      click() {
        clicks.push({ href: this.href, download: this.download });
      },
      remove: () => undefined,
    };
    const scope = globalThis as { document?: unknown };
    scope.document = { createElement: () => anchor, body: { appendChild: () => undefined } };
    try {
      await expect(
        deliverFile({ fileId: 'cloud://env/x.csv', url: 'http://127.0.0.1:7300/f/x.csv', fileName: '会员中心数据.csv' }),
      ).resolves.toBe('downloaded');
    } finally {
      delete scope.document;
    }
    expect(clicks).toEqual([{ href: 'http://127.0.0.1:7300/f/x.csv', download: '会员中心数据.csv' }]);
  });
});
