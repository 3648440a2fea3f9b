export const canChooseAvatar = false;

export async function uploadAvatar(_tempFilePath: string): Promise<string> {
  throw new Error('头像只能在微信中更换');
}
