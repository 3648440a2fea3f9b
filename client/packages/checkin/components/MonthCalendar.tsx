import { useMemo } from 'react';
import { View, Text } from '@tarojs/components';
import type { CalendarData } from '@shared/contracts/checkin';
import { monthGrid } from '@shared/time/shanghai';
import { cx } from '@/utils/cx';
import './MonthCalendar.css';

const WEEK_HEAD = ['一', '二', '三', '四', '五', '六', '日'];

export interface MonthCalendarProps {
  calendar: CalendarData;
}

/** A Monday-first month of Shanghai days: checked days filled, bonus days starred, today ringed. */
export function MonthCalendar({ calendar }: MonthCalendarProps) {
  const weeks = useMemo(() => monthGrid(calendar.month), [calendar.month]);
  const byDay = useMemo(() => new Map(calendar.days.map((d) => [d.date, d])), [calendar.days]);
  return (
    <View className="mc-cal">
      <View className="mc-cal__row mc-cal__row--head">
        {WEEK_HEAD.map((w) => (
          <Text key={w} className="mc-cal__head">
            {w}
          </Text>
        ))}
      </View>
      {weeks.map((week, i) => (
        <View key={i} className="mc-cal__row">
          {week.map((cell, j) => {
            if (!cell.day) return <View key={j} className="mc-cal__cell" />;
            const done = byDay.get(cell.day);
            const isToday = cell.day === calendar.today;
            const future = cell.day > calendar.today;
            return (
              <View key={j} className="mc-cal__cell">
                <View
                  className={cx(
                    'mc-cal__day',
                    done && 'mc-cal__day--done',
                    done?.bonus && 'mc-cal__day--bonus',
                    isToday && 'mc-cal__day--today',
                    future && 'mc-cal__day--future',
                  )}
                >
                  <Text className="mc-cal__num">{isToday && !done ? '今' : cell.date}</Text>
                </View>
                {done?.bonus ? <Text className="mc-cal__mark">🎁</Text> : done ? <Text className="mc-cal__pts">+{done.points}</Text> : null}
              </View>
            );
          })}
        </View>
      ))}
    </View>
  );
}
