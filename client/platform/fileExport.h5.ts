import type { FileDelivery } from './fileExport';

export const deliverFileLabel = '导出 CSV';

export async function deliverFile(file: { url: string; fileName: string }): Promise<FileDelivery> {
  const link = document.createElement('a');
  link.href = file.url;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  return 'downloaded';
}
