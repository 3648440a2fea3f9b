/**
 * Recent function invocations, newest first: function, action, caller, duration, database round
 * trips and result code; open one for its console output, error and answer.
 */
import { Fragment, useState } from 'react';
import type { InvocationRow } from '../../src/console/protocol';
import { api } from '../api';
import { Empty, ErrorNote, Loading } from '../components/States';
import { RefreshButton, ViewHeader } from '../components/ViewHeader';
import { durationText, shanghaiTime } from '../format';
import { useOverview } from '../overviewStore';
import { usePolled } from '../usePolled';

function failed(row: InvocationRow): boolean {
  return row.status === 'error' || row.status === 'timeout' || (row.code !== null && row.code !== 'OK');
}

function CodeChip({ row }: { row: InvocationRow }) {
  if (row.status === 'running') return <span className="lc-tag lc-tag--info">运行中</span>;
  const thrown = row.status !== 'ok';
  const kind = thrown ? 'error' : row.code === 'OK' ? 'ok' : 'warning';
  return <span className={`lc-tag lc-tag--${kind}`}>{row.code ?? '—'}</span>;
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function Details({ row }: { row: InvocationRow }) {
  return (
    <div className="lc-inv__details">
      <div className="lc-inv__meta">
        <span>
          request <code>{row.requestId}</code>
        </span>
        {row.parentRequestId ? (
          <span>
            由 <code>{row.parentRequestId}</code> 调用 (nested)
          </span>
        ) : null}
        <span>开始 {row.startedAt}</span>
      </div>
      {row.error ? (
        <div className="lc-inv__block">
          <div className="lc-inv__label">错误 Error</div>
          <pre className="lc-pre lc-pre--error">{row.stack ?? row.error}</pre>
        </div>
      ) : null}
      <div className="lc-inv__block">
        <div className="lc-inv__label">日志 Console output</div>
        {row.output ? <pre className="lc-pre lc-pre--log">{row.output}</pre> : <div className="lc-muted">（没有输出 no output）</div>}
      </div>
      {row.result ? (
        <div className="lc-inv__block">
          <div className="lc-inv__label">返回 Result</div>
          <pre className="lc-pre">{prettyJson(row.result)}</pre>
        </div>
      ) : null}
    </div>
  );
}

export function FunctionsView() {
  const [auto, setAuto] = useState(true);
  const [onlyFailed, setOnlyFailed] = useState(false);
  const [fn, setFn] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const deployed = useOverview((s) => s.overview?.functions);
  const functions = deployed ?? [];
  const { data, error, loading, reload } = usePolled(() => api.invocations(), auto ? 2000 : null);

  const rows = (data?.invocations ?? []).filter((r) => (!onlyFailed || failed(r)) && (!fn || r.function === fn));

  return (
    <section className="lc-view">
      <ViewHeader
        title="云函数调用 Invocations"
        actions={
          <>
            <select className="lc-select" aria-label="函数" value={fn} onChange={(e) => setFn(e.target.value)}>
              <option value="">全部函数</option>
              {functions.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
            <label className="lc-check">
              <input type="checkbox" checked={onlyFailed} onChange={(e) => setOnlyFailed(e.target.checked)} /> 只看出错
            </label>
            <label className="lc-check">
              <input type="checkbox" checked={auto} onChange={(e) => setAuto(e.target.checked)} /> 自动刷新
            </label>
            <RefreshButton onClick={() => void reload()} />
          </>
        }
      >
        最近的调用（最新在前）。点开一行查看日志、错误与返回值。已部署 {functions.length} 个函数。
      </ViewHeader>
      {error ? <ErrorNote>{error}</ErrorNote> : null}
      {loading && !data ? <Loading /> : null}
      {data && rows.length === 0 ? (
        <Empty icon="functions" title={onlyFailed || fn ? '没有符合条件的调用' : '还没有函数调用'}>
          打开应用或调用网关 POST /functions/&lt;name&gt; 后，这里会列出每次调用。
        </Empty>
      ) : null}
      {rows.length > 0 ? (
        <table className="lc-table lc-inv">
          <thead>
            <tr>
              <th title="调用发生时的真实时间（不随调整后的时钟）">时间（真实）</th>
              <th>函数 · action</th>
              <th>调用者 caller</th>
              <th className="lc-num">耗时</th>
              <th className="lc-num">DB</th>
              <th>结果 code</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <Fragment key={row.requestId}>
                <tr
                  className={`lc-inv__row${open === row.requestId ? ' is-open' : ''}${failed(row) ? ' is-failed' : ''}`}
                  onClick={() => setOpen(open === row.requestId ? null : row.requestId)}
                  data-function={row.function}
                  data-action={row.action ?? ''}
                >
                  <td className="lc-mono">{shanghaiTime(Date.parse(row.startedAt))}</td>
                  <td>
                    <span className="lc-inv__fn">{row.function}</span>
                    {row.action ? <span className="lc-inv__action">.{row.action}</span> : null}
                    {row.parentRequestId ? <span className="lc-tag lc-tag--info lc-inv__nested">nested</span> : null}
                    {row.output ? (
                      <span className="lc-inv__has-log" title="有日志输出">
                        log
                      </span>
                    ) : null}
                  </td>
                  <td className="lc-mono lc-inv__caller">{row.openid ?? '—'}</td>
                  <td className="lc-num lc-mono">{durationText(row.durationMs)}</td>
                  <td className="lc-num lc-mono">{row.dbRoundTrips}</td>
                  <td>
                    <CodeChip row={row} />
                  </td>
                </tr>
                {open === row.requestId ? (
                  <tr className="lc-inv__detail-row">
                    <td colSpan={6}>
                      <Details row={row} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
