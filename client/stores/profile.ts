import { create } from 'zustand';
import { uploadAvatar } from '@/platform/avatar';
import { memberService } from '@/services/member';
import { useMemberStore } from './member';
import { toLoadError, type LoadError } from './loadState';

export interface ProfileState {
  saving: boolean;
  error: LoadError | null;
  deleting: boolean;
  /** Saves a new nickname and/or an avatar chosen with WeChat's chooseAvatar (a temp file). */
  save(change: { nickname?: string; avatarTempPath?: string }): Promise<boolean>;
  deleteAccount(): Promise<boolean>;
}

export const initialProfileState = { saving: false, error: null, deleting: false };

export const useProfileStore = create<ProfileState>()((set, get) => ({
  ...initialProfileState,

  async save(change) {
    if (get().saving) return false;
    set({ saving: true, error: null });
    try {
      const avatarFileId = change.avatarTempPath ? await uploadAvatar(change.avatarTempPath) : undefined;
      const profile = await memberService.profile({
        ...(change.nickname !== undefined ? { nickname: change.nickname } : {}),
        ...(avatarFileId ? { avatarFileId } : {}),
      });
      useMemberStore.getState().applyProfile(profile);
      set({ saving: false });
      return true;
    } catch (err) {
      set({ saving: false, error: toLoadError(err) });
      return false;
    }
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
