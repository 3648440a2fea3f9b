/** The clock in the top bar: localcloud's time in Shanghai, and whether it was moved. */
import { Icon } from '../components/Icon';
import { offsetText, shanghaiDateTime, shanghaiWeekday } from '../format';
import { hrefOf } from '../route';
import { useLocalcloudNow } from './useLocalcloudNow';

export function ClockBadge() {
  const clock = useLocalcloudNow();
  if (!clock) return null;
  const moved = clock.offsetMs !== 0;
  return (
    <a className={`lc-clock-badge${moved ? ' is-moved' : ''}`} href={hrefOf({ view: 'clock' })} title="localcloud 的时钟（上海时间）">
      <Icon name="clock" />
      <span className="lc-clock-badge__time" data-testid="clock-badge">
        {shanghaiDateTime(clock.now)} {shanghaiWeekday(clock.now)}
      </span>
      <span className="lc-clock-badge__state">{moved ? `已调整 ${offsetText(clock.offsetMs)}` : '真实时间'}</span>
    </a>
  );
}
