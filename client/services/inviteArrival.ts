/**
 * Arriving through a friend's invite: a shared path carries `inviteCode=…`, a scanned
 * mini-program code carries it in `scene` (URL-encoded, e.g. `inviteCode%3DK7QM2XRT` or just the
 * code). `invite.bind` is asked once per code and member; the server decides who may bind.
 */
import Taro from '@tarojs/taro';
import { INVITE_CODE_RE, normalizeCode } from '@shared/domain/codes';

const SCENE_KEYS = ['inviteCode', 'code', 'c', 'i'];

function asCode(value: string | undefined | null): string | null {
  if (!value) return null;
  const code = normalizeCode(value.trim());
  return INVITE_CODE_RE.test(code) ? code : null;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The invite code in a page's launch parameters, or null. */
export function inviteCodeFromParams(params: Record<string, string | undefined>): string | null {
  const direct = asCode(params.inviteCode ? safeDecode(params.inviteCode) : null);
  if (direct) return direct;
  if (!params.scene) return null;
  const scene = safeDecode(safeDecode(params.scene));
  if (!scene.includes('=')) return asCode(scene);
  for (const pair of scene.split('&')) {
    const [key, value] = pair.split('=');
    if (SCENE_KEYS.includes(key)) return asCode(value);
  }
  return null;
}

const ATTEMPTS_KEY = 'mc:invite-bind-attempts';

function attempts(): string[] {
  try {
    const stored: unknown = Taro.getStorageSync(ATTEMPTS_KEY);
    return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Whether this member already tried this code (`memberKey` tells members of one phone or
 * browser apart, e.g. their join time), and records the attempt.
 */
export function firstAttempt(code: string, memberKey: string): boolean {
  const key = `${code}@${memberKey}`;
  const seen = attempts();
  if (seen.includes(key)) return false;
  try {
    Taro.setStorageSync(ATTEMPTS_KEY, [...seen, key].slice(-20));
  } catch {
    // Storage full or unavailable: the server still refuses a second bind.
  }
  return true;
}
