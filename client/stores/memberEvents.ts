import type { CheckinData } from '@shared/contracts/checkin';
import type { DonateData, ProfileData } from '@shared/contracts/member';
import type { RedeemData } from '@shared/contracts/redeem';
import type { TeamProgress } from '@shared/contracts/team';
import { createEventBus } from './toolkit/eventBus';

/**
 * What happened to the member, published once by the store whose action learned it and applied
 * by every store that shows what it changes — no store calls another's update functions.
 *
 * A new event: name it here with its payload (usually the function's answer), publish it where
 * that answer arrives, and subscribe in each store that shows something it changes (see the
 * list in client/README.md).
 */
export interface MemberEvents {
  /** A check-in's answer (a repeated tap's too: `alreadyCheckedIn`). */
  checkedIn: CheckinData;
  /** A redemption's answer: the voucher issued and the balance left. */
  redeemed: RedeemData;
  /** The nickname and avatar just saved. */
  profileChanged: ProfileData;
  /** A celebrated badge the member took (收下). */
  badgeSeen: { badgeId: string };
  /** Team bars the member's own check-in or redemption just moved (from that answer). */
  teamProgressed: TeamProgress[];
  /** The member joined, created or left a team: what home shows about teams changed. */
  teamChanged: { challengeId: string };
  /** A team reward's ceremony the member took (收下). */
  teamRewardSeen: { teamId: string };
  /** A donation's answer: the balance left, what the gift lit (公益 nodes) and earned. */
  donated: DonateData;
}

const memberEvents = createEventBus<MemberEvents>();

export const publishMemberEvent = memberEvents.publish;
export const onMemberEvent = memberEvents.subscribe;
