import type { ReactNode } from 'react';
import type { SharePayload } from '@/services/share';

export interface ShareButtonProps {
  share: SharePayload;
  variant?: 'primary' | 'secondary' | 'ghost';
  block?: boolean;
  className?: string;
  children: ReactNode;
}
