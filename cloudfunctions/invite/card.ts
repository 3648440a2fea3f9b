import { createHash } from 'node:crypto';
import { AppError } from '@shared/errors';
import { toIso } from '@shared/time/shanghai';
import { accountTransaction } from '../_common/account';
import { COLLECTIONS } from '../_common/collections';
import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';
import { drawWxacode, tempUrl } from '../_common/shareCodes';

/** The page a friend lands on; `scene` of the mini-program code is `i=<inviteCode>`. */
export const INVITE_PAGE = 'pages/index/index';

/** `invite_cards` document: the member's mini-program code image, generated once and reused. */
export interface InviteCardDoc {
  _id: string;
  openid: string;
  code: string;
  fileId: string;
  createdAt: string;
}

/**
 * Stores the card in the member's transaction (`lock`): a card drawn while the account is being
 * deleted is not kept — its image is deleted again and the call answers ACCOUNT_DELETING. False
 * when it could not be stored otherwise (the next call draws it again).
 */
async function storeCard(ctx: RequestContext, doc: InviteCardDoc): Promise<boolean> {
  const { openid, now, program, services } = ctx;
  try {
    await accountTransaction(services, program, now, async (account) => {
      await account.lock(openid);
      await account.tx.set(COLLECTIONS.inviteCards, openid, { ...doc });
    });
    return true;
  } catch (err) {
    const deleting = err instanceof AppError && err.code === 'ACCOUNT_DELETING';
    if (!deleting) console.warn('[invite.card] card not stored', err);
    await services.cloud.deleteFile({ fileList: [doc.fileId] }).catch((e: unknown) => console.warn('[invite.card] image not deleted', e));
    if (deleting) throw err;
    return false;
  }
}

async function generateCode(ctx: RequestContext, code: string): Promise<string | null> {
  const { cloud } = ctx.services;
  let fileID: string;
  try {
    const name = createHash('sha256').update(ctx.openid).digest('hex').slice(0, 24);
    fileID = await drawWxacode(cloud, { scene: `i=${code}`, page: INVITE_PAGE, cloudPath: `invite-cards/${name}-${code}.png` });
  } catch (err) {
    // The card still works without its image (share path, nickname); the next call tries again.
    console.warn('[invite.card] mini-program code not generated', err);
    return null;
  }
  return (await storeCard(ctx, { _id: ctx.openid, openid: ctx.openid, code, fileId: fileID, createdAt: toIso(ctx.now) })) ? fileID : null;
}

/**
 * `invite.card` — the member's invite code, the share path and the mini-program code image
 * (`wxacode.getUnlimited`, stored in cloud storage once per member). No reward wording anywhere:
 * WeChat forbids rewarding the share itself.
 *
 * Round trips: the member, the stored card (2); the first time a transaction of 5 to store it
 * (plus the openapi and storage calls).
 */
export const card = contractAction('invite', 'card', async (_input, ctx: RequestContext) => {
  const { member, services } = ctx;
  const code = member.inviteCode;
  const cached = await services.db.get<InviteCardDoc>(COLLECTIONS.inviteCards, ctx.openid);
  const fileId = cached && cached.code === code && typeof cached.fileId === 'string' ? cached.fileId : await generateCode(ctx, code);
  const qrUrl = await tempUrl(services.cloud, fileId);
  return {
    code,
    sharePath: `${INVITE_PAGE}?inviteCode=${code}`,
    shareTitle: `${member.nickname} 邀请你加入会员社群`,
    qrFileId: fileId,
    qrUrl,
    nickname: member.nickname,
    avatarUrl: member.avatarUrl,
  };
});
