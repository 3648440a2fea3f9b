/** A validation report: problems grouped by document, each with its field and both languages. */
import type { ConsoleProblem } from '../../src/console/protocol';
import { Icon } from './Icon';

export function ProblemList({ problems, collection }: { problems: readonly ConsoleProblem[]; collection: string }) {
  const groups = new Map<string, ConsoleProblem[]>();
  for (const p of problems) {
    const key = p.collection === collection ? p.id : `${p.collection} / ${p.id}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return (
    <div className="lc-problems">
      {[...groups].map(([key, items]) => (
        <div className="lc-problems__group" key={key}>
          <div className="lc-problems__doc">
            <span className="lc-muted">_id</span> <code>{key}</code>
          </div>
          {items.map((p, i) => (
            <div className={`lc-problem lc-problem--${p.severity}`} key={i}>
              <Icon name={p.severity === 'error' ? 'error' : 'warning'} size={15} />
              <div className="lc-problem__body">
                <div className="lc-problem__field">
                  {p.field ? <code>{p.field}</code> : <span className="lc-muted">文档 document</span>}
                </div>
                <div className="lc-problem__zh">{p.message_zh}</div>
                <div className="lc-problem__en">{p.message_en}</div>
              </div>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
