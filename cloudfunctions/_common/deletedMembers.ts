import { COLLECTIONS } from './collections';
import type { Database } from './db';
import type { Secrets } from './secrets';

/**
 * The one trace a deleted account leaves: `deleted_members` holds, as `_id`, an HMAC-SHA256 of the
 * openid under the environment's `deletedMembers` secret, and only the name of that scheme
 * (`{scheme}`: a document cannot be empty) — no date, nothing personal. The
 * hash cannot be turned back into the openid, nor checked against one without the secret; it
 * only lets `invite.bind` tell that a "new" member had an account before (else deleting and
 * coming back would pay the same inviter twice). Said so in the privacy notice.
 */
/** How the `_id` was made (should the scheme ever change, old and new documents stay apart). */
const SCHEME = 'hmac-sha256/deletedMembers';

export class DeletedMembers {
  constructor(
    private readonly db: Database,
    private readonly secrets: Secrets,
  ) {}

  private id(openid: string): Promise<string> {
    return this.secrets.hmac('deletedMembers', openid);
  }

  /** Remembers that `openid` deleted an account (idempotent). */
  async record(openid: string): Promise<void> {
    await this.db.set(COLLECTIONS.deletedMembers, await this.id(openid), { scheme: SCHEME });
  }

  /** Whether `openid` deleted an account before. */
  async includes(openid: string): Promise<boolean> {
    return (await this.db.get<unknown>(COLLECTIONS.deletedMembers, await this.id(openid))) !== null;
  }
}
