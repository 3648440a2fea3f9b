import { Secrets } from '../../cloudfunctions/_common/secrets';
import { cloudForSuite } from './support/cloud';

// Calls go through real worker threads and HTTP; a busy 2-core machine needs more than 5 s.
jest.setTimeout(60_000);

/**
 * Per-environment secrets on localcloud through the real SDK: created on first use from
 * `crypto.randomBytes`, once however many instances race for it, the same for every instance
 * afterwards, and never silently replaced.
 */
const cloud = cloudForSuite();

describe('Secrets', () => {
  it('creates a secret once when 20 instances ask for it at the same time, and every instance reads the same', async () => {
    expect(await cloud.docs('secrets')).toEqual([]);
    const instances = Array.from({ length: 20 }, () => new Secrets(cloud.db));
    const values = await Promise.all(instances.map((s) => s.get('rateLimits')));
    const stored = await cloud.docs('secrets');
    expect(stored).toEqual([{ _id: 'rateLimits', value: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/), createdAt: expect.any(String) }]);
    for (const v of values) expect(v.toString('base64')).toBe(stored[0].value);
    // An instance keeps what it read; another environment (another database) would draw its own.
    expect(await new Secrets(cloud.db).hmac('rateLimits', 'x')).toBe(await instances[0].hmac('rateLimits', 'x'));
    expect(await instances[0].hmac('rateLimits', 'x')).not.toBe(await instances[0].hmac('deletedMembers', 'x'));
  });

  it('fails loudly on a damaged secret instead of replacing it (every hash made with it would be lost)', async () => {
    await cloud.db.set('secrets', 'deletedMembers', { value: 'c2hvcnQ=', createdAt: '2030-01-01T00:00:00.000Z' });
    const secrets = new Secrets(cloud.db);
    await expect(secrets.get('deletedMembers')).rejects.toThrow(/not 32 random bytes/);
    expect((await cloud.docs('secrets', { _id: 'deletedMembers' }))[0].value).toBe('c2hvcnQ=');
    // Repaired by hand: the next call reads it (a failure is not cached).
    await cloud.db.set('secrets', 'deletedMembers', {
      value: Buffer.alloc(32, 7).toString('base64'),
      createdAt: '2030-01-01T00:00:00.000Z',
    });
    expect((await secrets.get('deletedMembers')).equals(Buffer.alloc(32, 7))).toBe(true);
  });
});
