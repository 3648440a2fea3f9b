import { View, Text } from '@tarojs/components';
import { cx } from '@/utils/cx';

export interface ToggleProps {
  on: boolean;
  label: string;
  hint?: string;
  disabled?: boolean;
  onChange: (on: boolean) => void;
  className?: string;
}

/** A labelled on/off switch (drawn with views, the same on every platform). */
export function Toggle({ on, label, hint, disabled, onChange, className }: ToggleProps) {
  return (
    <View
      className={cx('mc-toggle', disabled && 'mc-toggle--disabled', className)}
      onClick={() => {
        if (!disabled) onChange(!on);
      }}
    >
      <View className="mc-toggle__text">
        <Text className="mc-toggle__label">{label}</Text>
        {hint ? <Text className="mc-toggle__hint">{hint}</Text> : null}
      </View>
      <View className={cx('mc-toggle__track', on && 'mc-toggle__track--on')} aria-checked={on} role="switch">
        <View className="mc-toggle__thumb" />
      </View>
    </View>
  );
}
