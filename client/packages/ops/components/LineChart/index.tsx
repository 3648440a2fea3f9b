import { useMemo } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { cx } from '@/utils/cx';
import { lineChartSvg, niceMax, svgDataUri, type LineSeries } from '../../utils/lineSvg';
import './index.css';

export interface LineChartProps {
  series: LineSeries[];
  /** One label per x (dates); first, middle and last are shown. */
  labels: string[];
  /** Top of the y axis; default: a round number above the largest value. */
  max?: number;
  format?: (value: number) => string;
  /** Plot height in design px. */
  height?: number;
  className?: string;
}

/** The plot's width in design px: a card's inner width on a 750-wide screen. */
const PLOT_WIDTH = 638;

/** Lines over days (DAU, retention): an SVG image for the lines, Views for the words. */
export function LineChart({ series, labels, max, format = String, height = 240, className }: LineChartProps) {
  const top = max ?? niceMax(Math.max(0, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null))));
  const src = useMemo(() => svgDataUri(lineChartSvg(series, top, { width: PLOT_WIDTH, height })), [series, top, height]);
  const ticks = labels.length > 2 ? [labels[0], labels[Math.floor((labels.length - 1) / 2)], labels[labels.length - 1]] : labels;
  return (
    <View className={cx('ops-line', className)}>
      {series.length > 1 ? (
        <View className="ops-line__legend">
          {series.map((s) => (
            <View key={s.key} className="ops-line__key">
              <View className="ops-line__swatch" style={{ background: s.color }} />
              <Text>{s.name}</Text>
            </View>
          ))}
        </View>
      ) : null}
      <View className="ops-line__plot">
        <Text className="ops-line__ymax">{format(top)}</Text>
        <Image className="ops-line__img" src={src} mode="scaleToFill" style={{ height: Taro.pxTransform(height) }} />
        <Text className="ops-line__ymin">{format(0)}</Text>
      </View>
      <View className="ops-line__x">
        {ticks.map((t, i) => (
          <Text key={`${t}-${i}`}>{t}</Text>
        ))}
      </View>
    </View>
  );
}
