import type { ReactElement } from 'react';
import type { AvatarPickerProps } from './types';

export type { AvatarPickerProps };

/**
 * weapp: WeChat's `open-type="chooseAvatar"` button around the avatar; H5: the avatar alone
 * (a browser has no chooseAvatar), with a note that it is changed in WeChat.
 */
export declare function AvatarPicker(props: AvatarPickerProps): ReactElement;
