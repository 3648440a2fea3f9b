/** `1–20 / 共 57` with previous/next and the page size. */
import { Icon } from '../components/Icon';

const SIZES = [20, 50, 100, 200];

export function Pager(props: {
  total: number;
  skip: number;
  limit: number;
  onPage: (skip: number) => void;
  onLimit: (limit: number) => void;
}) {
  const { total, skip, limit, onPage, onLimit } = props;
  const first = total === 0 ? 0 : skip + 1;
  const last = Math.min(skip + limit, total);
  return (
    <div className="lc-pager">
      <span className="lc-muted" data-testid="pager-range">
        {first}–{last} / 共 {total} 条
      </span>
      <select className="lc-select" aria-label="每页条数" value={limit} onChange={(e) => onLimit(Number(e.target.value))}>
        {SIZES.map((n) => (
          <option key={n} value={n}>
            每页 {n} 条
          </option>
        ))}
      </select>
      <button className="lc-btn lc-btn--icon" aria-label="上一页" disabled={skip === 0} onClick={() => onPage(Math.max(0, skip - limit))}>
        <Icon name="chevronLeft" />
      </button>
      <button className="lc-btn lc-btn--icon" aria-label="下一页" disabled={last >= total} onClick={() => onPage(skip + limit)}>
        <Icon name="chevronRight" />
      </button>
    </div>
  );
}
