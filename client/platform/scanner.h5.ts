export const canScan = false;

export async function scanCode(): Promise<string | null> {
  return null;
}
