import { createHmac, randomBytes } from 'node:crypto';
import { toIso } from '@shared/time/shanghai';
import { COLLECTIONS } from './collections';
import { isDuplicateKey, type Database } from './db';

/**
 * Per-environment random secrets, kept in the admin-only `secrets` collection (`_id` = the
 * secret's name, `{value, createdAt}`) — never in the repository, never the same in two
 * environments. A secret is created on its first use with `crypto.randomBytes`; instances racing
 * to create it collide on the fixed `_id`, and the losers read the winner's. Each instance keeps
 * what it read (a secret never changes: changing it would orphan every hash made with it).
 *
 * The secrets, by name:
 * - `deletedMembers`: salts the hash of a deleted openid (`deletedMembers.ts`);
 * - `rateLimits`: keys the rate-limit documents (`rateLimit.ts`), so they cannot be tied to an openid;
 * - `memberCodes`: derives members' 会员码 (`memberCodes.ts`), so a code cannot be made without it.
 */
export type SecretName = 'deletedMembers' | 'rateLimits' | 'memberCodes';

const SECRET_BYTES = 32;

function decode(doc: { value?: unknown } | null): Buffer | null {
  if (!doc || typeof doc.value !== 'string') return null;
  const bytes = Buffer.from(doc.value, 'base64');
  return bytes.length >= SECRET_BYTES ? bytes : null;
}

export class Secrets {
  private readonly cache = new Map<SecretName, Promise<Buffer>>();

  constructor(private readonly db: Database) {}

  /** The secret's bytes, created on first use. */
  get(name: SecretName): Promise<Buffer> {
    let secret = this.cache.get(name);
    if (!secret) {
      secret = this.load(name);
      this.cache.set(name, secret);
      // A failed read is not kept: the next call tries again.
      secret.catch(() => this.cache.delete(name));
    }
    return secret;
  }

  /** HMAC-SHA256 of `message` under the secret, hex. */
  async hmac(name: SecretName, message: string): Promise<string> {
    return createHmac('sha256', await this.get(name))
      .update(message)
      .digest('hex');
  }

  private async load(name: SecretName): Promise<Buffer> {
    const found = await this.db.get<{ value?: unknown }>(COLLECTIONS.secrets, name);
    if (found) return this.valid(name, found);
    const value = randomBytes(SECRET_BYTES).toString('base64');
    try {
      await this.db.add(COLLECTIONS.secrets, { _id: name, value, createdAt: toIso(Date.now()) });
      return Buffer.from(value, 'base64');
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    return this.valid(name, await this.db.get<{ value?: unknown }>(COLLECTIONS.secrets, name));
  }

  /** A secret someone damaged is never replaced silently (every hash made with it would be lost): it fails loudly. */
  private valid(name: SecretName, doc: { value?: unknown } | null): Buffer {
    const bytes = decode(doc);
    if (!bytes) throw new Error(`secret ${name} in ${COLLECTIONS.secrets} is not ${SECRET_BYTES} random bytes in base64`);
    return bytes;
  }
}
