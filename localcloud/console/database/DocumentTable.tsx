/** A page of documents: validation flag, `_id`, and a preview of the first fields. */
import type { DocumentRow, JsonValue } from '../../src/console/protocol';
import { Icon } from '../components/Icon';
import { Empty } from '../components/States';
import { documentSummary, idLabel } from '../format';

function Flag({ row }: { row: DocumentRow }) {
  if (!row.problems) return null;
  if (row.problems.errors > 0) {
    return (
      <span className="lc-flag lc-flag--error" title={`${row.problems.errors} 个校验错误`} data-testid="row-flag">
        <Icon name="error" size={13} />
        {row.problems.errors}
      </span>
    );
  }
  if (row.problems.warnings > 0) {
    return (
      <span className="lc-flag lc-flag--warning" title={`${row.problems.warnings} 个警告`} data-testid="row-flag">
        <Icon name="warning" size={13} />
        {row.problems.warnings}
      </span>
    );
  }
  return (
    <span className="lc-flag lc-flag--ok" title="通过校验">
      <Icon name="check" size={13} />
    </span>
  );
}

export function DocumentTable(props: {
  rows: DocumentRow[];
  selected: JsonValue | null;
  onOpen: (row: DocumentRow) => void;
  filtered: boolean;
}) {
  const { rows, selected, onOpen, filtered } = props;
  if (rows.length === 0) {
    return (
      <Empty icon="database" title={filtered ? '没有符合条件的文档' : '这个集合还没有文档'}>
        {filtered ? 'No document matches the filter.' : '点「新增文档」或「导入」添加。'}
      </Empty>
    );
  }
  const selectedKey = selected === null ? null : JSON.stringify(selected);
  // Only collections the validator checks have a flag column.
  const validated = rows.some((row) => row.problems !== null);
  return (
    <table className="lc-table lc-docs">
      <thead>
        <tr>
          {validated ? <th className="lc-docs__flag" aria-label="校验" /> : null}
          <th className="lc-docs__idcol">_id</th>
          <th>字段 Fields</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const key = JSON.stringify(row.id);
          return (
            <tr
              key={key}
              className={`${key === selectedKey ? 'is-selected ' : ''}${row.problems && row.problems.errors > 0 ? 'is-invalid' : ''}`}
              onClick={() => onOpen(row)}
              data-id={idLabel(row.id)}
            >
              {validated ? (
                <td className="lc-docs__flag">
                  <Flag row={row} />
                </td>
              ) : null}
              <td className="lc-docs__id">
                <code>{idLabel(row.id)}</code>
              </td>
              <td>
                <div className="lc-docs__summary">
                  {documentSummary(row.doc).map(([field, value]) => (
                    <span className="lc-kv" key={field}>
                      <span className="lc-kv__k">{field}</span>
                      <span className="lc-kv__v">{value}</span>
                    </span>
                  ))}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
