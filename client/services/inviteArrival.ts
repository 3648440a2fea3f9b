/**
 * Arriving through a friend's invite: a shared path carries `inviteCode=…`, a scanned
 * mini-program code carries it in `scene` (URL-encoded, e.g. `inviteCode%3DK7QM2XRT` or just the
 * code). `invite.bind` is asked once per code and member; the server decides who may bind.
 */
import Taro from '@tarojs/taro';
import { INVITE_CODE_RE, TEAM_CODE_RE, normalizeCode } from '@shared/domain/codes';

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * A code in a page's launch parameters: `params[direct]` from a shared path, or a `key=value`
 * pair of `scene` from a scanned mini-program code (a bare scene is the code itself). Null when
 * absent or not a valid code.
 */
export function codeFromParams(
  params: Record<string, string | undefined>,
  direct: string,
  sceneKeys: readonly string[],
  valid: RegExp,
): string | null {
  const asCode = (value: string | undefined | null) => {
    if (!value) return null;
    const code = normalizeCode(value.trim());
    return valid.test(code) ? code : null;
  };
  const value = params[direct];
  const fromPath = asCode(value ? safeDecode(value) : null);
  if (fromPath) return fromPath;
  if (!params.scene) return null;
  const scene = safeDecode(safeDecode(params.scene));
  if (!scene.includes('=')) return asCode(scene);
  for (const pair of scene.split('&')) {
    const [key, v] = pair.split('=');
    if (sceneKeys.includes(key)) return asCode(v);
  }
  return null;
}

/** The invite code in a page's launch parameters, or null. */
export function inviteCodeFromParams(params: Record<string, string | undefined>): string | null {
  return codeFromParams(params, 'inviteCode', ['inviteCode', 'code', 'c', 'i'], INVITE_CODE_RE);
}

/** The team code of the join page (`?team=…`, or scene `t=…&i=…` of a team poster), or null. */
export function teamCodeFromParams(params: Record<string, string | undefined>): string | null {
  return codeFromParams(params, 'team', ['team', 't'], TEAM_CODE_RE);
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
