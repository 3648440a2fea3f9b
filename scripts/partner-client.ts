/**
 * What the brand's systems do to call `partner` (content/DEPLOY.md has the same in curl and
 * Node): sign `${timestamp}.${rawBody}` with the shared secret and POST the JSON. Used by the
 * demo history, the integration tests and the benchmark — the same request a till would send.
 */
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface PartnerAnswer {
  status: number;
  body: { ok: boolean; data?: Record<string, unknown>; error?: { code: string; message: string; details?: Record<string, unknown> } };
  roundTrips: number;
}

export function partnerSignature(secret: string, timestamp: string, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
}

export interface PartnerRequestOptions {
  /** Unix seconds to sign with (default: now). */
  timestamp?: number;
  /** Send this signature instead of the right one. */
  signature?: string;
  /** Send these bytes instead of JSON.stringify(body) (signed as sent). */
  rawBody?: string;
}

/** POST `<baseUrl>/<route>` signed with `secret` (baseUrl e.g. `http://127.0.0.1:7300/http/partner`). */
export async function postPartner(
  baseUrl: string,
  route: string,
  body: unknown,
  secret: string,
  options: PartnerRequestOptions = {},
): Promise<PartnerAnswer> {
  const raw = options.rawBody ?? JSON.stringify(body);
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const res = await fetch(`${baseUrl}/${route}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-mc-timestamp': timestamp,
      'x-mc-signature': options.signature ?? partnerSignature(secret, timestamp, raw),
    },
    body: raw,
  });
  const text = await res.text();
  return {
    status: res.status,
    body: JSON.parse(text) as PartnerAnswer['body'],
    roundTrips: Number(res.headers.get('x-localcloud-db-round-trips') ?? NaN),
  };
}

/** The demo `PARTNER_SECRET` localcloud gives `partner` under `--seed` (content/demo/functions.env.json). */
export function demoPartnerSecret(): string {
  const file = path.join(__dirname, '..', 'content', 'demo', 'functions.env.json');
  const env = JSON.parse(fs.readFileSync(file, 'utf8')) as { partner?: { PARTNER_SECRET?: string } };
  const secret = env.partner?.PARTNER_SECRET;
  if (!secret) throw new Error(`${file} gives partner no PARTNER_SECRET`);
  return secret;
}
