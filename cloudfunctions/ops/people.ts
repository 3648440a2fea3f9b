import { staffSchema } from '@shared/content/staff';
import { COLLECTIONS } from '../_common/collections';
import type { Services } from '../_common/services';

/** How the back office names someone: the label ops gave them as staff, else their nickname. */
export interface Person {
  name: string;
  nickname: string | null;
  avatarUrl: string;
}

/** Someone no longer in the program (their account deleted, their openid anonymised). */
export const GONE_MEMBER = '已注销会员';
export const GONE_STAFF = '已注销员工';

/**
 * Names of up to 100 openids at once — staff records and member records read by `_id` in
 * parallel (two round trips however many). Openids found in neither are left out: the caller
 * says 已注销会员 / 已注销员工.
 */
export async function peopleByOpenid(services: Services, openids: Iterable<string>): Promise<Map<string, Person>> {
  const ids = [...new Set(openids)].filter((id) => id !== '').slice(0, 100);
  if (ids.length === 0) return new Map();
  const { db } = services;
  const [staffDocs, members] = await Promise.all([
    db.find<unknown>(COLLECTIONS.staff, { _id: db.op.in(ids) }, { limit: 100 }),
    services.members.many(ids),
  ]);
  const labels = new Map<string, string>();
  for (const raw of staffDocs) {
    const parsed = staffSchema.safeParse(raw);
    if (parsed.success && parsed.data.name) labels.set(parsed.data._id, parsed.data.name);
  }
  const out = new Map<string, Person>();
  for (const id of ids) {
    const member = members.get(id);
    const label = labels.get(id);
    if (!member && !label) continue;
    out.set(id, { name: label ?? member?.nickname ?? '', nickname: member?.nickname ?? null, avatarUrl: member?.avatarUrl ?? '' });
  }
  return out;
}
