import { create } from 'zustand';
import type { ChallengesData, TeamCardData, TeamPageData, TeamPreviewData, TeamProgress, TeamView } from '@shared/contracts/team';
import { teamService } from '@/services/team';
import { onMemberEvent, publishMemberEvent } from './memberEvents';
import { toLoadError, type LoadError } from './loadState';
import { createResource, type Resource } from './toolkit/resource';

/**
 * 组队挑战赛 on the client: the challenge list (`challenges`, `loadChallenges`), the team page of
 * one challenge (`page`, `loadPage`, after `openChallenge(id)`), the join page of a shared code
 * (`preview`, `loadPreview`, after `openCode(code)`), the share card of the caller's team (`card`,
 * `loadCard`) and the actions that change a team (create, join, leave), one at a time.
 */
export interface TeamState
  extends
    Resource<ChallengesData, 'challenges', 'challenges'>,
    Resource<TeamPageData, 'page', 'page'>,
    Resource<TeamPreviewData, 'preview', 'preview'>,
    Resource<TeamCardData, 'card', 'card'> {
  challengeId: string | null;
  code: string | null;
  /** The action on its way; taps meanwhile are ignored. */
  busy: 'create' | 'join' | 'leave' | null;
  actionError: LoadError | null;
  openChallenge(challengeId: string): Promise<void>;
  openCode(code: string): Promise<void>;
  /** A team in the open challenge, with the caller as captain. */
  create(): Promise<boolean>;
  /** Joins the team of the open code; its page on success. */
  join(): Promise<TeamPageData | null>;
  /** Leaves the caller's team of the open challenge (before the start). */
  leave(): Promise<boolean>;
}

function required(value: string | null, what: string): string {
  if (!value) throw new Error(`no ${what} open`);
  return value;
}

export const useTeamStore = create<TeamState>()((set, get) => {
  const page = () => teamService.mine(required(get().challengeId, 'challenge'));
  const preview = () => teamService.preview(required(get().code, 'team code'));
  const card = () => teamService.card(required(get().page?.team?.code ?? null, 'team'));

  /** Runs one team action at a time; a refusal (TEAM_FULL…) is kept in `actionError` for the page. */
  async function act<T>(busy: NonNullable<TeamState['busy']>, run: () => Promise<T>): Promise<T | null> {
    if (get().busy) return null;
    set({ busy, actionError: null });
    try {
      const out = await run();
      set({ busy: null });
      return out;
    } catch (err) {
      set({ busy: null, actionError: toLoadError(err) });
      return null;
    }
  }

  return {
    ...createResource(() => teamService.challenges(), { data: 'challenges', prefix: 'challenges' })(set, get),
    ...createResource(page, { data: 'page', prefix: 'page' })(set, get),
    ...createResource(preview, { data: 'preview', prefix: 'preview' })(set, get),
    ...createResource(card, { data: 'card', prefix: 'card' })(set, get),
    challengeId: null,
    code: null,
    busy: null,
    actionError: null,

    async openChallenge(challengeId) {
      if (get().challengeId !== challengeId) set({ challengeId, page: null, pageStatus: 'idle', card: null, actionError: null });
      await get().loadPage();
    },

    async openCode(code) {
      if (get().code !== code) set({ code, preview: null, previewStatus: 'idle', actionError: null });
      await get().loadPreview();
    },

    async create() {
      const challengeId = required(get().challengeId, 'challenge');
      const created = await act('create', () => teamService.create(challengeId));
      if (!created) return false;
      set({ page: created, pageStatus: 'ready' });
      publishMemberEvent('teamChanged', { challengeId });
      return true;
    },

    async join() {
      const code = required(get().code, 'team code');
      const joined = await act('join', () => teamService.join(code));
      if (!joined) return null;
      set({ page: joined, pageStatus: 'ready', challengeId: joined.challenge.id, card: null });
      publishMemberEvent('teamChanged', { challengeId: joined.challenge.id });
      return joined;
    },

    async leave() {
      const team = get().page?.team;
      const challengeId = get().challengeId;
      if (!team || !challengeId) return false;
      const left = await act('leave', () => teamService.leave(team.code));
      if (!left) return false;
      const current = get().page;
      set({ page: current ? { ...current, team: null } : current, card: null });
      publishMemberEvent('teamChanged', { challengeId });
      return true;
    },
  };
});

/** A bar as the latest answer left it (the roster, the share path… stay). */
function moved<T extends TeamProgress | TeamView>(team: T, progress: TeamProgress): T {
  return { ...team, ...progress };
}

// The team page and the list follow the member's own check-ins and redemptions at once.
onMemberEvent('teamProgressed', (teams) => {
  const { page, challenges } = useTeamStore.getState();
  const of = (teamId: string | undefined) => teams.find((t) => t.teamId === teamId);
  const pageTeam = page?.team;
  const next: Partial<TeamState> = {};
  const forPage = of(pageTeam?.teamId);
  if (page && pageTeam && forPage) next.page = { ...page, team: moved(pageTeam, forPage) };
  if (challenges?.challenges.some((c) => of(c.team?.teamId))) {
    next.challenges = {
      challenges: challenges.challenges.map((c) => {
        const p = of(c.team?.teamId);
        return p && c.team ? { ...c, team: moved(c.team, p) } : c;
      }),
    };
  }
  if (Object.keys(next).length) useTeamStore.setState(next);
});
