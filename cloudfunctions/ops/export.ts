import { DEFAULT_TIER_NAMES, TIER_IDS, type TierId } from '@shared/content/ids';
import { exportFileName, statsCsv } from '@shared/domain/statsCsv';
import { tierName } from '@shared/domain/tiers';
import { dayOf } from '@shared/time/shanghai';
import { recordAudit } from '../_common/audit';
import { contractAction } from '../_common/entry';
import { randomId } from '../_common/random';
import type { RequestContext } from '../_common/services';
import { collectStats } from './stats';
import { databaseStatsSource } from './statsQueries';

/** Where exports are kept in cloud storage (one folder per Shanghai day of export). */
export const EXPORT_FOLDER = 'ops-exports';

/**
 * `ops.export {from, to}` — the dashboard's figures for a range (the same `collectStats` as
 * `ops.stats`) as a CSV file Excel opens with the Chinese intact (`shared/domain/statsCsv.ts`),
 * uploaded to cloud storage, with a temporary link to download it, and its `ops_audit` entry
 * (range and rows; no member). The file name tells the range; the path holds a random part so
 * one export's link never reveals another's.
 *
 * Round trips: as `ops.stats` (2 · 24) · upload (1) · temporary link (1) · audit (1).
 */
export const exportStats = contractAction('ops', 'export', async ({ from, to }, ctx: RequestContext) => {
  const { services, program, now } = ctx;
  const stats = await collectStats(databaseStatsSource(services.db), { from, to }, program, now);
  const names = Object.fromEntries(TIER_IDS.map((t) => [t, tierName(program.tiers, t) || DEFAULT_TIER_NAMES[t]])) as Record<TierId, string>;
  const { text, rows } = statsCsv(stats, names);
  const fileName = exportFileName(from, to);
  const cloudPath = `${EXPORT_FOLDER}/${dayOf(now)}/${randomId()}/${fileName}`;
  const { fileID } = await services.cloud.uploadFile({ cloudPath, fileContent: Buffer.from(text, 'utf8') });
  const { fileList } = await services.cloud.getTempFileURL({ fileList: [fileID] });
  const url = fileList[0]?.tempFileURL;
  if (!url) throw new Error(`no temporary link for ${fileID}`);
  await recordAudit(
    services.db,
    { who: ctx.openid, action: 'ops.export', target: null, before: null, after: { from, to, rows }, reason: '' },
    now,
  );
  console.info(`[ops.export] ${from}…${to} (${rows} rows) by ${ctx.openid}`);
  return { fileId: fileID, url, fileName, rows };
});
