/**
 * The clock: see localcloud's time, move it (functions' `new Date()` and `db.serverDate()` follow),
 * and give it back to real time.
 */
import { useState } from 'react';
import { api, errorText } from '../api';
import { Icon } from '../components/Icon';
import { ErrorNote } from '../components/States';
import { useToasts } from '../components/Toasts';
import { ViewHeader } from '../components/ViewHeader';
import { offsetText, parseClockInput, shanghaiDateTime, shanghaiWeekday } from '../format';
import { setClockOffset } from '../overviewStore';
import { useLocalcloudNow } from './useLocalcloudNow';

const JUMPS: Array<{ label: string; ms: number }> = [
  { label: '+1 小时', ms: 3_600_000 },
  { label: '+1 天', ms: 86_400_000 },
  { label: '+7 天', ms: 7 * 86_400_000 },
  { label: '+30 天', ms: 30 * 86_400_000 },
];

/** The next midnight in Shanghai after `ms`. */
function nextShanghaiMidnight(ms: number): number {
  const day = shanghaiDateTime(ms).slice(0, 10);
  return Date.parse(`${day}T00:00:00+08:00`) + 86_400_000;
}

export function ClockView() {
  const clock = useLocalcloudNow();
  const push = useToasts((s) => s.push);
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!clock) return null;

  const set = async (iso: string | null) => {
    setBusy(true);
    try {
      const answer = await api.setClock(iso);
      setClockOffset(answer.offsetMs, answer.now);
      setError(null);
      push(iso === null ? '时钟已回到真实时间' : `时钟已设为 ${shanghaiDateTime(Date.parse(answer.now))}`);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const submit = () => {
    const iso = parseClockInput(input);
    if (!iso) {
      setError('请按「2026-11-23 10:00:00」（上海时间）或带时区的 ISO 时间填写 / write 2026-11-23 10:00:00 (Shanghai) or an ISO instant');
      return;
    }
    void set(iso);
  };

  const moved = clock.offsetMs !== 0;
  return (
    <section className="lc-view">
      <ViewHeader title="时钟 Clock">
        云函数里的 new Date()、Date.now() 和 db.serverDate() 都跟随这个时钟；计时器仍按真实时间走。这里按上海时间（UTC+8）显示。
      </ViewHeader>
      <div className="lc-clock">
        <div className="lc-clock__face">
          <div className="lc-clock__label">localcloud 当前时间 · 上海 (UTC+8)</div>
          <div className="lc-clock__time" data-testid="clock-now">
            {shanghaiDateTime(clock.now)}
          </div>
          <div className="lc-clock__meta">
            <span>{shanghaiWeekday(clock.now)}</span>
            <span>
              UTC{' '}
              {new Date(clock.now)
                .toISOString()
                .replace('.000Z', 'Z')
                .replace(/\.\d{3}Z$/, 'Z')}
            </span>
            <span className={`lc-tag ${moved ? 'lc-tag--warning' : 'lc-tag--ok'}`} data-testid="clock-state">
              {moved ? `已调整 ${offsetText(clock.offsetMs)}` : '跟随真实时间'}
            </span>
          </div>
        </div>
        <div className="lc-card lc-clock__controls">
          <label className="lc-field">
            <span className="lc-field__label">设为（上海时间，如 2026-11-23 10:00:00）Set to (Shanghai)</span>
            <div className="lc-row">
              <input
                className="lc-input lc-input--mono lc-clock__input"
                aria-label="新的时间"
                placeholder={shanghaiDateTime(clock.now)}
                value={input}
                onChange={(e) => setInput(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') submit();
                }}
              />
              <button className="lc-btn lc-btn--primary" disabled={busy} onClick={submit}>
                设置时间
              </button>
            </div>
          </label>
          <div className="lc-field">
            <span className="lc-field__label">快速调整 Jump</span>
            <div className="lc-row lc-row--wrap">
              {JUMPS.map((jump) => (
                <button
                  key={jump.label}
                  className="lc-btn"
                  disabled={busy}
                  onClick={() => void set(new Date(clock.now + jump.ms).toISOString())}
                >
                  {jump.label}
                </button>
              ))}
              <button className="lc-btn" disabled={busy} onClick={() => void set(new Date(nextShanghaiMidnight(clock.now)).toISOString())}>
                次日 00:00
              </button>
            </div>
          </div>
          <div className="lc-field">
            <button className="lc-btn lc-btn--ghost" disabled={busy || !moved} onClick={() => void set(null)}>
              <Icon name="refresh" /> 回到真实时间 Release
            </button>
          </div>
          {error ? <ErrorNote>{error}</ErrorNote> : null}
        </div>
      </div>
    </section>
  );
}
