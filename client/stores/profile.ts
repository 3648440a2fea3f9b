import { create } from 'zustand';
import type { ProfileData } from '@shared/contracts/member';
import { hasUnsafeText, UNSAFE_NICKNAME_MESSAGE } from '@shared/domain/displayText';
import { uploadAvatar } from '@/platform/avatar';
import { memberService } from '@/services/member';
import { publishMemberEvent } from './memberEvents';
import { toLoadError, type LoadError } from './loadState';

export interface ProfileState {
  saving: boolean;
  error: LoadError | null;
  deleting: boolean;
  /** Saves a new nickname, an avatar chosen with WeChat's chooseAvatar (a temp file) and/or the birthday (`MM-DD`, once). */
  save(change: { nickname?: string; avatarTempPath?: string; birthday?: string }): Promise<boolean>;
  /** Shows (or hides) the member's nickname on the invite leaderboard. */
  setLeaderboardOptIn(on: boolean): Promise<boolean>;
  deleteAccount(): Promise<boolean>;
}

export const useProfileStore = create<ProfileState>()((set, get) => {
  /** One profile change at a time; the card (its nickname, avatar, birthday) and the leaderboard follow the saved answer (memberEvents). */
  async function saveProfile(change: () => Promise<Parameters<typeof memberService.profile>[0]>): Promise<boolean> {
    if (get().saving) return false;
    set({ saving: true, error: null });
    let profile: ProfileData;
    try {
      profile = await memberService.profile(await change());
    } catch (err) {
      set({ saving: false, error: toLoadError(err) });
      return false;
    }
    set({ saving: false });
    publishMemberEvent('profileChanged', profile);
    return true;
  }

  return {
    saving: false,
    error: null,
    deleting: false,

    save(change) {
      // The function refuses it too (the contract's rule): say why before uploading anything.
      if (change.nickname !== undefined && hasUnsafeText(change.nickname)) {
        set({ error: { code: 'INVALID_INPUT', message: UNSAFE_NICKNAME_MESSAGE } });
        return Promise.resolve(false);
      }
      return saveProfile(async () => {
        const avatarFileId = change.avatarTempPath ? await uploadAvatar(change.avatarTempPath) : undefined;
        return {
          ...(change.nickname !== undefined ? { nickname: change.nickname } : {}),
          ...(avatarFileId ? { avatarFileId } : {}),
          ...(change.birthday !== undefined ? { birthday: change.birthday } : {}),
        };
      });
    },

    setLeaderboardOptIn(on) {
      return saveProfile(async () => ({ leaderboardOptIn: on }));
    },

    async deleteAccount() {
      if (get().deleting) return false;
      set({ deleting: true, error: null });
      try {
        await memberService.deleteAccount();
        set({ deleting: false });
        return true;
      } catch (err) {
        set({ deleting: false, error: toLoadError(err) });
        return false;
      }
    },
  };
});
