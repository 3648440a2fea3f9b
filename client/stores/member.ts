import { create } from 'zustand';
import type { CheckinData } from '@shared/contracts/checkin';
import type { HomeData, MemberSummary } from '@shared/contracts/member';
import { memberService } from '@/services/member';
import { onMemberEvent } from './memberEvents';
import { createResource, type Resource } from './toolkit/resource';

/**
 * The member as home shows them (`member.home`): `home`, `status`, `error`, `refreshing`,
 * `load({ quiet })`. Kept fresh by the member events of the actions that change it.
 */
export type MemberState = Resource<HomeData, 'home'>;

export const useMemberStore = create<MemberState>()(createResource(() => memberService.home(), { data: 'home' }));

function withMember(home: HomeData, change: Partial<MemberSummary>): HomeData {
  return { ...home, member: { ...home.member, ...change } };
}

/** The card after a check-in's answer: streak, balance, today's state. */
function withCheckin(home: HomeData, result: CheckinData): HomeData {
  return withMember(home, {
    streak: result.streak,
    checkedInToday: true,
    points: result.balance.points,
    growth: result.balance.growth,
    checkinDays: result.alreadyCheckedIn ? home.member.checkinDays : home.member.checkinDays + 1,
  });
}

function updateHome(change: (home: HomeData) => HomeData): void {
  const home = useMemberStore.getState().home;
  const changed = home && change(home);
  if (changed && changed !== home) useMemberStore.setState({ home: changed });
}

onMemberEvent('checkedIn', (result) => {
  updateHome((home) => withCheckin(home, result));
  // Tier progress and packs follow from growth: refresh them quietly behind the updated card.
  void useMemberStore.getState().load({ quiet: true });
});

onMemberEvent('redeemed', (result) => updateHome((home) => withMember(home, { points: result.balance.points })));

onMemberEvent('profileChanged', (profile) => {
  const before = useMemberStore.getState().home?.member.birthday ?? null;
  updateHome((home) => withMember(home, profile));
  // A birthday just set may open its month (its gift, its packs): home asks again.
  if (profile.birthday !== before) void useMemberStore.getState().load({ quiet: true });
});

onMemberEvent('donated', (result) => {
  updateHome((home) => withMember(home, { points: result.balance.points }));
  // A 公益 node may have lit (the tree teaser, the certificate): refresh behind the updated balance.
  void useMemberStore.getState().load({ quiet: true });
});

// The home line follows the member's own activity at once; joining or leaving a team reloads it quietly.
onMemberEvent('teamProgressed', (teams) =>
  updateHome((home) => {
    const line = teams.find((t) => t.teamId === home.team?.teamId);
    return line ? { ...home, team: line } : home;
  }),
);

onMemberEvent('teamChanged', () => void useMemberStore.getState().load({ quiet: true }));

onMemberEvent('teamRewardSeen', ({ teamId }) =>
  updateHome((home) => (home.teamCeremony?.teamId === teamId ? { ...home, teamCeremony: null } : home)),
);

onMemberEvent('badgeSeen', ({ badgeId }) =>
  updateHome((home) => (home.badges.newestUnseen?.id === badgeId ? { ...home, badges: { ...home.badges, newestUnseen: null } } : home)),
);
