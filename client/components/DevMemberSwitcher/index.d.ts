import type { ReactElement } from 'react';

/**
 * H5 development builds only: a small switch to play another member (demo member, a new
 * member, the demo verifier or ops). Renders nothing in WeChat and in production builds.
 */
export declare function DevMemberSwitcher(): ReactElement | null;
