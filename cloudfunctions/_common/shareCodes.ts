import { toIso } from '@shared/time/shanghai';
import { COLLECTIONS } from './collections';
import type { Database } from './db';
import type { WxCloud } from './sdk';

/**
 * Mini-program codes (`wxacode.getUnlimited`) for share cards and posters: drawn once, kept in
 * cloud storage, their file id remembered by a key. The invite card keeps one per member
 * (`invite_cards`); codes many members share — a team's join page, the badge wall — are in
 * `share_codes` (`_id` = the key, e.g. `team_K7QM2X`, `badge_wall`).
 */

/**
 * Which version a scanned code opens: `release` for the published app; set the function's
 * environment variable `WXACODE_ENV_VERSION` to `trial` or `develop` before release (DEPLOY.md).
 */
export function wxacodeEnvVersion(): 'release' | 'trial' | 'develop' {
  const v = process.env.WXACODE_ENV_VERSION;
  return v === 'trial' || v === 'develop' ? v : 'release';
}

export interface WxacodeRequest {
  /** The page the code opens, without a leading slash. */
  page: string;
  /** Up to 32 visible characters, read by the page from `scene`. */
  scene: string;
  /** Where the image goes in cloud storage. */
  cloudPath: string;
}

/** Draws the code and uploads it: its cloud file id. Throws when either step fails. */
export async function drawWxacode(cloud: WxCloud, request: WxacodeRequest): Promise<string> {
  const image = await cloud.openapi.wxacode.getUnlimited({
    scene: request.scene,
    page: request.page,
    checkPath: false,
    envVersion: wxacodeEnvVersion(),
    width: 430,
  });
  const { fileID } = await cloud.uploadFile({ cloudPath: request.cloudPath, fileContent: image.buffer });
  return fileID;
}

/** A `share_codes` document. */
export interface ShareCodeDoc {
  _id: string;
  page: string;
  scene: string;
  fileId: string;
  createdAt: string;
}

/** The temporary URL of a stored file, null when it has none. */
export async function tempUrl(cloud: WxCloud, fileId: string | null): Promise<string | null> {
  if (!fileId) return null;
  const { fileList } = await cloud.getTempFileURL({ fileList: [fileId] });
  return fileList[0]?.tempFileURL || null;
}

/**
 * The image URL of a shared code, drawn on first use. A card still works without its image (the
 * share path, the texts): a failure is logged and answered with null; the next call tries again.
 * Round trips: the stored document (1); the first time one more to store it (plus openapi and storage).
 */
export async function sharedCodeUrl(
  services: { cloud: WxCloud; db: Database },
  key: string,
  code: { page: string; scene: string },
  now: number,
): Promise<string | null> {
  const { cloud, db } = services;
  const stored = await db.get<ShareCodeDoc>(COLLECTIONS.shareCodes, key);
  let fileId = stored && stored.page === code.page && stored.scene === code.scene ? stored.fileId : null;
  if (!fileId) {
    try {
      fileId = await drawWxacode(cloud, { ...code, cloudPath: `share-codes/${key}.png` });
      const doc: ShareCodeDoc = { _id: key, ...code, fileId, createdAt: toIso(now) };
      await db.set(COLLECTIONS.shareCodes, key, { ...doc });
    } catch (err) {
      console.warn(`[share code] ${key} not drawn`, err);
      return null;
    }
  }
  return tempUrl(cloud, fileId);
}
