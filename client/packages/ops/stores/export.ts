import { create } from 'zustand';
import type { OpsExportData } from '@shared/contracts/ops';
import { deliverFile, type FileDelivery } from '@/platform/fileExport';
import { toLoadError, type LoadError } from '@/stores/loadState';
import { opsService } from '../services/opsService';

/** The dashboard's 导出: the range's figures as a CSV file (`ops.export`), handed over the platform's way. */
export interface OpsExportState {
  exporting: boolean;
  error: LoadError | null;
  last: (OpsExportData & { delivery: FileDelivery }) | null;
  run(from: string, to: string): Promise<void>;
}

export const useOpsExport = create<OpsExportState>()((set, get) => ({
  exporting: false,
  error: null,
  last: null,
  async run(from, to) {
    if (get().exporting) return;
    set({ exporting: true, error: null });
    try {
      const file = await opsService.export(from, to);
      const delivery = await deliverFile(file);
      set({ exporting: false, last: { ...file, delivery } });
    } catch (err) {
      set({ exporting: false, error: toLoadError(err) });
    }
  },
}));
