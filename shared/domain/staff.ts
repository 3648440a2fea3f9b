import type { StaffRole } from '../content/ids';
import { staffSchema } from '../content/staff';

/**
 * Whether a `staff` document (as read, unvalidated) grants a role. Fails closed: no document,
 * a broken one, `active` not exactly true, or a different openid → no access.
 */
export function staffHasRole(doc: unknown, openid: string, role: StaffRole): boolean {
  const parsed = staffSchema.safeParse(doc);
  return parsed.success && parsed.data._id === openid && parsed.data.active && parsed.data.roles.includes(role);
}

/** The roles a staff document grants (empty when it grants none). */
export function staffRoles(doc: unknown, openid: string): StaffRole[] {
  const parsed = staffSchema.safeParse(doc);
  if (!parsed.success || parsed.data._id !== openid || !parsed.data.active) return [];
  return [...parsed.data.roles];
}
