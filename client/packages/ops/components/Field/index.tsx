import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { cx } from '@/utils/cx';
import './index.css';

export interface FieldProps {
  label: string;
  /** Under the input: what to type, or what is wrong (`error`). */
  hint?: string;
  error?: string | null;
  children: ReactNode;
  className?: string;
}

/** One labelled input of a back-office form. */
export function Field({ label, hint, error, children, className }: FieldProps) {
  return (
    <View className={cx('ops-field', className)}>
      <Text className="ops-field__label">{label}</Text>
      <View className="ops-field__control">{children}</View>
      {error ? <Text className="ops-field__error">{error}</Text> : hint ? <Text className="ops-field__hint">{hint}</Text> : null}
    </View>
  );
}
