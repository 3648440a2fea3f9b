import type { CloudFile, FileDelivery } from './fileExport';

export const deliverFileLabel = '导出 CSV';

/** A browser downloads the temporary link under the file's name. */
export async function deliverFile(file: CloudFile): Promise<FileDelivery> {
  const link = document.createElement('a');
  link.href = file.url;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  return 'downloaded';
}
