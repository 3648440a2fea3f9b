/**
 * One collection: query bar, a page of documents (flagged when the validator finds errors), the
 * document editor beside it, import and export.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DocumentRow, DocumentsAnswer } from '../../src/console/protocol';
import { api, errorText, type DocumentQuery } from '../api';
import { Icon } from '../components/Icon';
import { ProblemList } from '../components/ProblemList';
import { ErrorNote } from '../components/States';
import { useOverview } from '../overviewStore';
import { DocumentEditor, type EditorTarget } from './DocumentEditor';
import { DocumentTable } from './DocumentTable';
import { ImportDialog } from './ImportDialog';
import { Pager } from './Pager';
import { QueryBar } from './QueryBar';

const FIRST_PAGE: DocumentQuery = { filter: '', sort: '', skip: 0, limit: 20 };

export function CollectionPanel({ name }: { name: string }) {
  const summary = useOverview((s) => s.overview?.collections.find((c) => c.name === name));
  const refreshOverview = useOverview((s) => s.refresh);
  const [query, setQuery] = useState<DocumentQuery>(FIRST_PAGE);
  const [page, setPage] = useState<DocumentsAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [target, setTarget] = useState<EditorTarget | null>(null);
  const [importing, setImporting] = useState(false);

  const load = useCallback(async () => {
    try {
      setPage(await api.documents(name, query));
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }, [name, query]);

  useEffect(() => {
    void load();
  }, [load]);

  const afterWrite = async () => {
    await Promise.all([load(), refreshOverview()]);
  };

  const open = (row: DocumentRow) => setTarget({ kind: 'edit', id: row.id, doc: row.doc });

  return (
    <div className="lc-coll">
      <div className="lc-coll__head">
        <div className="lc-coll__title">
          <h1>{name}</h1>
          <span className="lc-muted">{summary ? `共 ${summary.count} 个文档` : ''}</span>
          {summary?.validated ? <span className="lc-tag lc-tag--info">内容校验 validated</span> : null}
          {summary && summary.invalid > 0 ? (
            <span className="lc-tag lc-tag--error" data-testid="invalid-count">
              {summary.invalid} 个文档未通过校验
            </span>
          ) : null}
        </div>
        <div className="lc-row">
          <button className="lc-btn" onClick={() => setImporting(true)}>
            <Icon name="upload" /> 导入
          </button>
          <a className="lc-btn" href={api.exportUrl(name, query.filter)} download={`${name}.json`}>
            <Icon name="download" /> 导出
          </a>
          <button className="lc-btn lc-btn--primary" onClick={() => setTarget({ kind: 'new' })}>
            <Icon name="plus" /> 新增文档
          </button>
        </div>
      </div>
      <QueryBar
        key={name}
        onRun={(filter, sort) => setQuery({ ...query, filter, sort, skip: 0 })}
        active={query.filter !== '' || query.sort !== ''}
      />
      {error ? <ErrorNote>{error}</ErrorNote> : null}
      {page && page.collectionProblems.length > 0 ? (
        <div className="lc-note lc-note--warning">
          <Icon name="warning" />
          <div>
            <div className="lc-note__title">集合级问题 / Collection problems</div>
            <ProblemList problems={page.collectionProblems} collection={name} />
          </div>
        </div>
      ) : null}
      <div className={`lc-coll__body${target ? ' has-editor' : ''}`}>
        <div className="lc-coll__list">
          {page ? (
            <>
              <DocumentTable
                rows={page.rows}
                selected={target?.kind === 'edit' ? target.id : null}
                onOpen={open}
                filtered={query.filter !== ''}
              />
              <Pager
                total={page.total}
                skip={page.skip}
                limit={page.limit}
                onPage={(skip) => setQuery({ ...query, skip })}
                onLimit={(limit) => setQuery({ ...query, limit, skip: 0 })}
              />
            </>
          ) : null}
        </div>
        {target ? (
          <DocumentEditor
            key={target.kind === 'edit' ? JSON.stringify(target.id) : 'new'}
            collection={name}
            validated={summary?.validated ?? false}
            target={target}
            onSaved={async (saved) => {
              await afterWrite();
              setTarget(saved);
            }}
            onDeleted={async () => {
              setTarget(null);
              await afterWrite();
            }}
            onClose={() => setTarget(null)}
          />
        ) : null}
      </div>
      {importing ? (
        <ImportDialog
          collection={name}
          onClose={() => setImporting(false)}
          onImported={async () => {
            setImporting(false);
            await afterWrite();
          }}
        />
      ) : null}
    </div>
  );
}
