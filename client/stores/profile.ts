import { create } from 'zustand';
import type { ProfileData } from '@shared/contracts/member';
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
  deleteAccount(): Promise<boolean>;
}

export const useProfileStore = create<ProfileState>()((set, get) => ({
  saving: false,
  error: null,
  deleting: false,

  async save(change) {
    if (get().saving) return false;
    set({ saving: true, error: null });
    let profile: ProfileData;
    try {
      const avatarFileId = change.avatarTempPath ? await uploadAvatar(change.avatarTempPath) : undefined;
      profile = await memberService.profile({
        ...(change.nickname !== undefined ? { nickname: change.nickname } : {}),
        ...(avatarFileId ? { avatarFileId } : {}),
        ...(change.birthday !== undefined ? { birthday: change.birthday } : {}),
      });
    } catch (err) {
      set({ saving: false, error: toLoadError(err) });
      return false;
    }
    set({ saving: false });
    // The member card shows the new nickname, avatar and birthday (memberEvents).
    publishMemberEvent('profileChanged', profile);
    return true;
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
}));
