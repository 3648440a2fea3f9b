/** The collections with their document counts; validated ones are tagged, invalid documents counted. */
import { useState } from 'react';
import { api, errorText } from '../api';
import { Icon } from '../components/Icon';
import { useToasts } from '../components/Toasts';
import { useOverview } from '../overviewStore';
import { hrefOf } from '../route';

export function CollectionList({ open }: { open: string | null }) {
  const collections = useOverview((s) => s.overview?.collections);
  const refresh = useOverview((s) => s.refresh);
  const push = useToasts((s) => s.push);
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const create = async () => {
    try {
      await api.createCollection(name);
      await refresh();
      push(`已创建集合 ${name}`);
      window.location.hash = hrefOf({ view: 'database', collection: name });
      setCreating(false);
      setName('');
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <aside className="lc-colls" aria-label="集合">
      <div className="lc-colls__head">
        <span>集合 Collections</span>
        <button className="lc-btn lc-btn--icon" title="新建集合" aria-label="新建集合" onClick={() => setCreating((v) => !v)}>
          <Icon name="plus" />
        </button>
      </div>
      {creating ? (
        <form
          className="lc-colls__create"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <input className="lc-input" autoFocus placeholder="集合名称" value={name} onChange={(e) => setName(e.target.value)} />
          {error ? <div className="lc-colls__error">{error}</div> : null}
        </form>
      ) : null}
      <ul className="lc-colls__list">
        {(collections ?? []).map((c) => (
          <li key={c.name}>
            <a
              className={`lc-colls__item${open === c.name ? ' is-active' : ''}`}
              href={hrefOf({ view: 'database', collection: c.name })}
              data-collection={c.name}
            >
              <span className="lc-colls__name">{c.name}</span>
              {c.invalid > 0 ? (
                <span className="lc-count lc-count--error" title={`${c.invalid} 个文档未通过校验`}>
                  {c.invalid}
                </span>
              ) : null}
              {c.validated ? (
                <span className="lc-colls__check" title="由项目校验器检查 / validated">
                  <Icon name="check" size={12} />
                </span>
              ) : null}
              <span className="lc-colls__count">{c.count}</span>
            </a>
          </li>
        ))}
      </ul>
    </aside>
  );
}
