export async function randomBytes(size: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(size);
  globalThis.crypto.getRandomValues(bytes);
  return bytes;
}
