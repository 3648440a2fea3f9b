/** The title, one line of explanation and the actions at the top of a view. */
import type { ReactNode } from 'react';
import { Icon } from './Icon';

export function ViewHeader({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <div className="lc-view__head">
      <div>
        <h1>{title}</h1>
        <p className="lc-muted">{children}</p>
      </div>
      {actions ? <div className="lc-row">{actions}</div> : null}
    </div>
  );
}

export function RefreshButton({ onClick }: { onClick: () => void }) {
  return (
    <button className="lc-btn" onClick={onClick}>
      <Icon name="refresh" /> 刷新
    </button>
  );
}
