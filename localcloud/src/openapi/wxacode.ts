import QRCode from 'qrcode';
import { isPlainObject } from '../db/values';
import { drawModules, type Rgba } from './png';
import { wxError, type OpenApiResult } from './result';

/**
 * wxacode.getUnlimited (getUnlimitedQRCode). WeChat draws a "sun code"; localcloud draws a QR code
 * (a real PNG) whose text is `localcloud-wxacode:<page>?scene=<scene>&env_version=<env>` so tests
 * and browsers can see what the code points to. Parameter checks and errcodes follow WeChat's docs:
 * scene required, ≤ 32 visible characters from [0-9A-Za-z!#$&'()*+,/:;=?@-._~] (40129 / 40169);
 * page without a leading "/" and without a query string (41030), and — when `check_path` is not
 * false and the app's pages are known — one of them (41030); width 280–1280 (40097); env_version
 * release | trial | develop (40097).
 */

const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/;
const ENV_VERSIONS = new Set(['release', 'trial', 'develop']);

export interface WxacodeOptions {
  /** The app's page paths (e.g. "pages/index/index"); unknown → pages are not checked. */
  pages?: string[];
}

export function wxacodeText(page: string, scene: string, envVersion: string): string {
  return `localcloud-wxacode:${page}?scene=${scene}&env_version=${envVersion}`;
}

function channel(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Math.max(0, Math.min(255, Number.isFinite(n) ? Math.round(n) : 0));
}

/** Draws the code: QR modules from the qrcode package, rasterised to a `width`×`width` PNG. */
export function renderWxacode(text: string, width: number, line: Rgba, transparent: boolean): Buffer {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = qr.modules;
  const light: Rgba = transparent ? { r: 255, g: 255, b: 255, a: 0 } : { r: 255, g: 255, b: 255, a: 255 };
  return drawModules((row, col) => data[row * size + col] === 1, size, width, 2, line, light);
}

export function getUnlimited(params: Record<string, unknown>, options: WxacodeOptions): OpenApiResult {
  const scene = params.scene;
  if (typeof scene !== 'string' || scene.length === 0) return wxError(40129, 'invalid scene: scene is required');
  if (scene.length > 32)
    return wxError(40169, 'invalid length for scene, or the data is not json string: scene is longer than 32 characters');
  if (!SCENE_CHARS.test(scene)) return wxError(40129, "invalid scene: only 0-9 A-Z a-z and !#$&'()*+,/:;=?@-._~ are allowed");

  const page = params.page === undefined ? '' : params.page;
  if (typeof page !== 'string' || page.startsWith('/') || page.includes('?')) {
    return wxError(41030, 'invalid page rid: page must be a path without a leading "/" and without a query string');
  }
  const checkPath = params.check_path !== false;
  if (page && checkPath && options.pages && !options.pages.includes(page)) {
    return wxError(41030, `invalid page rid: page "${page}" does not exist in the published version`);
  }

  const envVersion = params.env_version === undefined ? 'release' : params.env_version;
  if (typeof envVersion !== 'string' || !ENV_VERSIONS.has(envVersion)) {
    return wxError(40097, 'invalid args: env_version must be release, trial or develop');
  }

  const width = params.width === undefined ? 430 : params.width;
  if (typeof width !== 'number' || !Number.isInteger(width) || width < 280 || width > 1280) {
    return wxError(40097, 'invalid args: width must be an integer from 280 to 1280');
  }

  const color = isPlainObject(params.line_color) && params.auto_color !== true ? params.line_color : {};
  const line: Rgba = { r: channel(color.r), g: channel(color.g), b: channel(color.b), a: 255 };
  const png = renderWxacode(wxacodeText(page, scene, envVersion), width, line, params.is_hyaline === true);
  return { kind: 'buffer', buffer: png, contentType: 'image/png' };
}
