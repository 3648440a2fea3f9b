/**
 * Renders a component into jsdom (tests with `@jest-environment jsdom`) and reads it the way a
 * member would: by its text.
 */
import type { ReactElement } from 'react';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  container: HTMLElement;
  text(): string;
  /** Clicks the innermost element whose own text is exactly `text`. */
  click(text: string): Promise<void>;
  rerender(ui: ReactElement): Promise<void>;
  unmount(): void;
}

function findByText(root: HTMLElement, text: string): HTMLElement | null {
  const all = Array.from(root.querySelectorAll<HTMLElement>('*'));
  const matches = all.filter((el) => el.textContent?.trim() === text);
  // The innermost: no matching descendant.
  return matches.find((el) => !matches.some((other) => other !== el && el.contains(other))) ?? null;
}

const mounted = new Set<Rendered>();

/** Unmounts everything rendered so far (call in afterEach: stores outlive components). */
export function cleanup(): void {
  for (const view of mounted) view.unmount();
  mounted.clear();
}

export async function render(ui: ReactElement): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  let root: Root | null = null;
  await act(async () => {
    root = createRoot(container);
    root.render(ui);
  });
  const view: Rendered = {
    container,
    text: () => container.textContent ?? '',
    async click(text) {
      const el = findByText(container, text);
      if (!el) throw new Error(`nothing shows "${text}" in: ${container.textContent}`);
      await act(async () => {
        el.click();
        // Let the handler's promises (store actions) settle inside act.
        await new Promise((r) => setTimeout(r, 0));
      });
    },
    async rerender(next) {
      await act(async () => {
        root?.render(next);
      });
    },
    unmount() {
      act(() => root?.unmount());
      container.remove();
      mounted.delete(view);
    },
  };
  mounted.add(view);
  return view;
}

/** Lets pending promises (store actions) settle inside act. */
export async function flush(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}
