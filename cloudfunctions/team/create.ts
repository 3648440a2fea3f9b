import { teamCode } from '@shared/domain/codes';
import { createRefusal, newTeam, type TeamRecord } from '@shared/domain/teamChallenge';
import { AppError } from '@shared/errors';
import { accountTransaction } from '../_common/account';
import { COLLECTIONS } from '../_common/collections';
import { contractAction } from '../_common/entry';
import { randomBytes } from '../_common/random';
import type { RequestContext } from '../_common/services';
import { challengeView } from '../_common/teamViews';
import { challengeOf, viewFor } from './lookup';

/** Codes drawn before giving up (a taken one is ~never: 887 million codes). */
const DRAWS = 5;

/**
 * `team.create {challengeId}` — a new team with the caller as captain and a short join code (its
 * `_id`), while the challenge is open for teams; one team per member per challenge (the member
 * document holds `teams[challengeId]`, read and written in the same transaction, so parallel
 * creates and joins of one member serialise on it).
 *
 * Round trips: the member (1) · transaction start, member, code, team, member, commit (6) · the
 * roster (1) = 8.
 */
export const create = contractAction('team', 'create', async ({ challengeId }, ctx: RequestContext) => {
  const { openid, now, program, services } = ctx;
  const challenge = challengeOf(ctx, challengeId);
  const early = createRefusal(challenge, now, ctx.member.teams);
  if (early) throw new AppError(early);
  for (let draw = 0; draw < DRAWS; draw++) {
    const code = teamCode(randomBytes);
    const team = await accountTransaction(services, program, now, async (account): Promise<TeamRecord | null> => {
      const me = await account.get(openid);
      const refusal = createRefusal(challenge, now, me.teams);
      if (refusal) throw new AppError(refusal);
      if (await account.tx.get<unknown>(COLLECTIONS.teams, code)) return null;
      const fresh = newTeam(code, challenge._id, openid, now);
      await account.tx.set(COLLECTIONS.teams, code, { ...fresh });
      account.edit(openid, (m) => ({ ...m, teams: { ...m.teams, [challenge._id]: code } }));
      return fresh;
    });
    if (team) return { challenge: challengeView(challenge, program, now), team: await viewFor(ctx, team, challenge) };
  }
  throw new AppError('BUSY');
});
