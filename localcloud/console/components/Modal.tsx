/** A dialog over the page; Escape or the backdrop closes it. */
import { useEffect, type ReactNode } from 'react';
import { Icon } from './Icon';

export function Modal({ title, onClose, children, wide }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="lc-modal" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className={`lc-modal__box${wide ? ' lc-modal__box--wide' : ''}`} role="dialog" aria-label={title}>
        <div className="lc-modal__head">
          <h2>{title}</h2>
          <button className="lc-btn lc-btn--icon" onClick={onClose} aria-label="关闭">
            <Icon name="close" />
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}
