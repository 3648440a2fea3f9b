/** Indexes per collection, and the query shapes no index covered since start (refused under --strict-indexes). */
import { api } from '../api';
import { Icon } from '../components/Icon';
import { ErrorNote, Loading } from '../components/States';
import { ViewHeader } from '../components/ViewHeader';
import { usePolled } from '../usePolled';

export function IndexesView() {
  const { data, error } = usePolled(() => api.indexes(), 5000);
  if (error) return <ErrorNote>{error}</ErrorNote>;
  if (!data) return <Loading />;
  return (
    <section className="lc-view">
      <ViewHeader title="索引 Indexes">与云开发控制台「索引管理」一致；查询条件须能用上某个索引的第一个字段（或 _id）。</ViewHeader>
      <div className={`lc-note ${data.strict ? 'lc-note--info' : 'lc-note--warning'}`}>
        <Icon name={data.strict ? 'check' : 'warning'} />
        <div>
          {!data.loaded
            ? '没有找到索引文件：不检查查询是否有索引。/ No index file: queries are not checked.'
            : data.strict
              ? '严格索引模式（--strict-indexes）：没有索引覆盖的查询会被拒绝。/ Strict: uncovered queries fail.'
              : '未开启严格索引模式：没有索引覆盖的查询照常执行，只记录在下表。/ Not strict: uncovered queries run and are listed below.'}
        </div>
      </div>
      <h2 className="lc-h2">未被索引覆盖的查询 Uncovered queries</h2>
      {data.uncovered.length === 0 ? (
        <div className="lc-card lc-muted" data-testid="uncovered-empty">
          启动以来所有查询都有索引覆盖。/ Every query since start was covered.
        </div>
      ) : (
        <table className="lc-table">
          <thead>
            <tr>
              <th>集合</th>
              <th>操作</th>
              <th>字段</th>
              <th className="lc-num">次数</th>
              <th>处理</th>
            </tr>
          </thead>
          <tbody>
            {data.uncovered.map((u) => (
              <tr key={`${u.collection}|${u.operation}|${u.fields.join(',')}`}>
                <td className="lc-mono">{u.collection}</td>
                <td className="lc-mono">{u.operation}</td>
                <td className="lc-mono">{u.fields.length ? u.fields.join(', ') : '（无条件 no filter）'}</td>
                <td className="lc-num">{u.count}</td>
                <td>
                  {data.strict ? (
                    <span className="lc-tag lc-tag--error">已拒绝 refused</span>
                  ) : (
                    <span className="lc-tag lc-tag--warning">已记录 logged</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 className="lc-h2">各集合的索引 Indexes by collection</h2>
      <div className="lc-grid">
        {data.collections.map((c) => (
          <div className="lc-card lc-index-card" key={c.name}>
            <div className="lc-index-card__name">{c.name}</div>
            <ul className="lc-index-card__list">
              {c.indexes.map((ix) => (
                <li key={ix.name}>
                  <span className="lc-mono">
                    {ix.keys.map((k) => (
                      <span className="lc-index-key" key={k.field}>
                        {k.field} {k.direction === 1 ? '↑' : k.direction === -1 ? '↓' : k.direction}
                      </span>
                    ))}
                  </span>
                  {ix.unique ? <span className="lc-tag lc-tag--info">唯一 unique</span> : null}
                  <span className="lc-muted lc-index-card__ixname">{ix.name}</span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
