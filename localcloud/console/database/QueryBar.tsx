/** The filter (a JSON query in the SDK's language, EJSON for dates and ids) and an optional sort. */
import { useState } from 'react';
import { Icon } from '../components/Icon';

export function QueryBar({ onRun, active }: { onRun: (filter: string, sort: string) => void; active: boolean }) {
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState('');
  return (
    <form
      className="lc-query"
      onSubmit={(e) => {
        e.preventDefault();
        onRun(filter.trim(), sort.trim());
      }}
    >
      <label className="lc-query__filter">
        <Icon name="search" />
        <input
          className="lc-input lc-input--mono"
          aria-label="查询条件"
          placeholder='查询条件，如 {"stock": {"$lt": 100}} 或 {"createdAt": {"$gte": {"$date": "2026-11-01T00:00:00Z"}}}'
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      </label>
      <input
        className="lc-input lc-input--mono lc-query__sort"
        aria-label="排序"
        placeholder='排序，如 {"order": 1}'
        value={sort}
        onChange={(e) => setSort(e.target.value)}
      />
      <button className="lc-btn lc-btn--primary" type="submit">
        查询
      </button>
      {active ? (
        <button
          className="lc-btn lc-btn--ghost"
          type="button"
          onClick={() => {
            setFilter('');
            setSort('');
            onRun('', '');
          }}
        >
          清除
        </button>
      ) : null}
    </form>
  );
}
