import type { StaffRole } from '@shared/content/ids';
import { staffSchema, type StaffDoc } from '@shared/content/staff';
import { staffHasRole } from '@shared/domain/staff';
import { AppError } from '@shared/errors';
import { COLLECTIONS } from './collections';
import type { Database } from './db';

/**
 * Who may verify vouchers (role `verifier`) and use ops actions (role `ops`). Read fresh on each
 * staff action (revoking takes effect at once), and failing closed: no document, an inactive or
 * malformed one, or a read error all mean no access.
 */
export class StaffDirectory {
  constructor(
    private readonly db: Database,
    private readonly warn: (message: string, err?: unknown) => void = (m, e) => console.warn(m, e ?? ''),
  ) {}

  private async read(openid: string): Promise<unknown> {
    try {
      return await this.db.get<unknown>(COLLECTIONS.staff, openid);
    } catch (err) {
      this.warn('[staff] lookup failed; access denied', err);
      return null;
    }
  }

  /** The staff document when it grants `role`; FORBIDDEN otherwise. */
  async require(openid: string, role: StaffRole): Promise<StaffDoc> {
    return this.requireAny(openid, [role]);
  }

  /** The staff document when it grants any of `roles` (event check-in: host or verifier); FORBIDDEN otherwise. */
  async requireAny(openid: string, roles: readonly StaffRole[]): Promise<StaffDoc> {
    const doc = await this.read(openid);
    if (!roles.some((role) => staffHasRole(doc, openid, role))) throw new AppError('FORBIDDEN');
    return staffSchema.parse(doc);
  }
}
