/** Short confirmations ("已保存") in a corner, gone after a few seconds. */
import { create } from 'zustand';
import { Icon } from './Icon';

interface Toast {
  id: number;
  text: string;
  kind: 'ok' | 'error';
}

interface ToastState {
  toasts: Toast[];
  push(text: string, kind?: Toast['kind']): void;
}

let nextId = 1;

export const useToasts = create<ToastState>()((set) => ({
  toasts: [],
  push: (text, kind = 'ok') => {
    const id = nextId++;
    set((s) => ({ toasts: [...s.toasts, { id, text, kind }] }));
    window.setTimeout(() => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })), kind === 'error' ? 6000 : 3000);
  },
}));

export function Toasts() {
  const toasts = useToasts((s) => s.toasts);
  return (
    <div className="lc-toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`lc-toast lc-toast--${t.kind}`}>
          <Icon name={t.kind === 'ok' ? 'check' : 'error'} />
          {t.text}
        </div>
      ))}
    </div>
  );
}
