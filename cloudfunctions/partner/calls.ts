import { dayOf, toIso } from '@shared/time/shanghai';
import { COLLECTIONS } from '../_common/collections';
import type { Database } from '../_common/db';
import type { HttpCall } from '../_common/httpEntry';
import { randomId } from '../_common/random';

/**
 * `partner_calls`: one document per call of the API, whatever its outcome — the route, the
 * brand's ids it named, the result (`ok`, `replayed` or the error code), the HTTP status and the
 * latency — so ops can see what the brand's systems sent and how it went. No openid, no body.
 */
export interface PartnerCallDoc {
  _id: string;
  route: string | null;
  orderId: string | null;
  refundId: string | null;
  result: string;
  status: number;
  latencyMs: number;
  createdAt: string;
  day: string;
}

export function recordCall(db: Database) {
  return async (call: HttpCall): Promise<void> => {
    const doc: PartnerCallDoc = {
      _id: randomId(),
      route: call.route,
      orderId: call.refs.orderId ?? null,
      refundId: call.refs.refundId ?? null,
      result: call.result,
      status: call.status,
      latencyMs: call.latencyMs,
      createdAt: toIso(call.at),
      day: dayOf(call.at),
    };
    await db.add(COLLECTIONS.partnerCalls, { ...doc });
  };
}
