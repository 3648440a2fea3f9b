export interface AvatarPickerProps {
  /** The avatar shown now (a chosen temp file, or the saved one). */
  src: string;
  name: string;
  /** A temporary file path chosen through WeChat's chooseAvatar. */
  onChoose: (tempFilePath: string) => void;
}
