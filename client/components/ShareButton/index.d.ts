import type { ReactElement } from 'react';
import type { ShareButtonProps } from './types';

export type { ShareButtonProps };

/**
 * weapp (`index.weapp.tsx`): a native `open-type="share"` button whose `data-share-*` the page's
 * onShareAppMessage sends; H5 (`index.h5.tsx`): copies the link of `share.path` in this build.
 */
export declare function ShareButton(props: ShareButtonProps): ReactElement;
