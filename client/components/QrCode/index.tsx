import { useMemo } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { qrRuns } from '@/utils/qrMatrix';
import { cx } from '@/utils/cx';

export interface QrCodeProps {
  /** What the code encodes (a voucher code). */
  value: string;
  /** Width in design px (750-wide), quiet zone included. */
  size?: number;
  /** Greys the code out, e.g. for a used voucher. */
  dimmed?: boolean;
  className?: string;
}

const QUIET = 2;

/**
 * A QR code drawn with plain views (one per dark run), so it renders the same in WeChat and the
 * browser without a canvas, and can be screenshotted and scanned at the counter.
 */
export function QrCode({ value, size = 360, dimmed, className }: QrCodeProps) {
  const qr = useMemo(() => qrRuns(value), [value]);
  const cells = qr.size + QUIET * 2;
  const unit = 100 / cells;
  const px = Taro.pxTransform(size);
  return (
    <View className={cx('mc-qr', dimmed && 'mc-qr--dimmed', className)} style={{ width: px, height: px }}>
      {qr.rows.map((runs, r) =>
        runs.map(([start, length]) => (
          <View
            key={`${r}-${start}`}
            className="mc-qr__run"
            style={{
              top: `${(r + QUIET) * unit}%`,
              left: `${(start + QUIET) * unit}%`,
              width: `${length * unit + 0.05}%`,
              height: `${unit + 0.05}%`,
            }}
          />
        )),
      )}
    </View>
  );
}
