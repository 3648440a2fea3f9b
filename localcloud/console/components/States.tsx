/** Loading, empty and error states shared by the views. */
import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

export function Empty({ icon, title, children }: { icon: IconName; title: string; children?: ReactNode }) {
  return (
    <div className="lc-empty">
      <Icon name={icon} size={28} />
      <div className="lc-empty__title">{title}</div>
      {children ? <div className="lc-empty__text">{children}</div> : null}
    </div>
  );
}

export function ErrorNote({ children }: { children: ReactNode }) {
  return (
    <div className="lc-note lc-note--error" role="alert">
      <Icon name="error" />
      <div>{children}</div>
    </div>
  );
}

export function Loading() {
  return <div className="lc-loading">加载中…</div>;
}
