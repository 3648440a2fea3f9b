import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ContentCache } from './content';
import { Database } from './db';
import type { SdkDatabase, SdkQuery } from './sdk';

/** An in-memory stand-in for the SDK's collection reads (`where({_id: gt(x)}).orderBy().limit().get()`). */
function fakeSdk(collections: Record<string, Array<Record<string, unknown>>>, reads: string[]): SdkDatabase {
  const query = (name: string, after = ''): SdkQuery => {
    const q: Partial<SdkQuery> = {
      where: (condition) => query(name, String((condition._id as { after?: string }).after ?? '')),
      orderBy: () => q as SdkQuery,
      field: () => q as SdkQuery,
      limit: () => q as SdkQuery,
      get: async () => {
        reads.push(name);
        const docs = (collections[name] ?? [])
          .filter((d) => String(d._id) > after)
          .sort((a, b) => String(a._id).localeCompare(String(b._id)));
        return { data: docs.slice(0, 100) };
      },
    };
    return q as SdkQuery;
  };
  return {
    command: { gt: (after: unknown) => ({ after }) } as unknown as SdkDatabase['command'],
    collection: (name: string) => query(name) as ReturnType<SdkDatabase['collection']>,
    runTransaction: async () => {
      throw new Error('not used');
    },
  };
}

const demo = (c: string) =>
  JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'content', 'demo', `${c}.json`), 'utf8')) as Array<Record<string, unknown>>;

describe('content cache', () => {
  const broken = {
    _id: 'typo_badge',
    name: '坏',
    description: 'x',
    icon: '🐛',
    rarity: 'common',
    rule: { metric: 'streaks', gte: 1 },
    order: 1,
    active: true,
  };
  const collections = {
    tiers: demo('tiers'),
    badges: [...demo('badges'), broken],
    tree_nodes: demo('tree_nodes'),
    benefit_packs: demo('benefit_packs'),
    settings: demo('settings'),
    staff: demo('staff'),
    challenges: demo('challenges'),
    campaigns: demo('campaigns'),
    charity_projects: demo('charity_projects'),
    events: demo('events'),
  };
  const perLoad = Object.keys(collections).length;

  it('skips a broken document, logs it once by collection, id and field, and serves the rest from cache', async () => {
    const reads: string[] = [];
    const warnings: string[] = [];
    const cache = new ContentCache(new Database(fakeSdk(collections, reads)), { ttlMs: 60_000, warn: (m) => warnings.push(m) });
    const [a, b] = await Promise.all([cache.program(), cache.program()]);
    expect(a).toBe(b);
    expect(a.badges.map((x) => x._id)).not.toContain('typo_badge');
    expect(a.badges).toHaveLength(demo('badges').length);
    expect(reads).toHaveLength(perLoad); // one shared load: a read per collection
    expect(warnings).toEqual([expect.stringMatching(/badges\/typo_badge field rule\.metric/)]);
    await cache.program();
    expect(reads).toHaveLength(perLoad);
  });

  it('expires on performance.now(), not on a clock that jumps', async () => {
    const reads: string[] = [];
    const cache = new ContentCache(new Database(fakeSdk(collections, reads)), { ttlMs: 20, warn: () => undefined });
    await cache.program();
    const realNow = Date.now;
    Date.now = () => realNow() + 365 * 86_400_000;
    try {
      await cache.program();
      expect(reads).toHaveLength(perLoad);
    } finally {
      Date.now = realNow;
    }
    await new Promise((r) => setTimeout(r, 30));
    await cache.program();
    expect(reads).toHaveLength(2 * perLoad);
  });
});
