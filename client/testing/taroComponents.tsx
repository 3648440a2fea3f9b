/**
 * `@tarojs/components` as plain DOM for unit tests:
 * `jest.mock('@tarojs/components', () => require('@/testing/taroComponents'))`.
 * Mini-program-only props (hoverClass, catchMove, openType, mode…) are dropped.
 */
import { createElement, type ReactNode } from 'react';

interface HostProps {
  className?: string;
  style?: Record<string, unknown>;
  onClick?: () => void;
  children?: ReactNode;
  [key: string]: unknown;
}

function host(tag: string) {
  return function Host({ className, style, onClick, children, ...rest }: HostProps) {
    const data = Object.fromEntries(Object.entries(rest).filter(([k]) => k.startsWith('data-')));
    return createElement(tag, { className, style, onClick, ...data }, children);
  };
}

export const View = host('div');
export const Text = host('span');
export const Button = host('button');
export const Canvas = host('canvas');
export const ScrollView = host('div');

export function Image({ src, className }: { src: string; className?: string }) {
  return createElement('img', { src, className });
}

export function Input({
  value,
  placeholder,
  className,
  onInput,
}: {
  value?: string;
  placeholder?: string;
  className?: string;
  onInput?: (e: { detail: { value: string } }) => void;
}) {
  return createElement('input', {
    value,
    placeholder,
    className,
    onChange: (e: { target: { value: string } }) => onInput?.({ detail: { value: e.target.value } }),
  });
}
