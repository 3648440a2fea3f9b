/**
 * Import a file in the cloud console's format (JSON Lines, `{"$date": …}` dates; a JSON array
 * works too) into this collection, as 覆盖 Upsert or 仅新增 Insert. All or nothing; in a validated
 * collection the report comes first and an import with errors needs the user to insist.
 */
import { useState } from 'react';
import type { ApiErrorBody, ConsoleProblem } from '../../src/console/protocol';
import { api, ApiError, errorText } from '../api';
import { Modal } from '../components/Modal';
import { ProblemList } from '../components/ProblemList';
import { ErrorNote } from '../components/States';
import { useToasts } from '../components/Toasts';

type Lines = NonNullable<ApiErrorBody['lines']>;

export function ImportDialog({
  collection,
  onClose,
  onImported,
}: {
  collection: string;
  onClose: () => void;
  onImported: () => Promise<void>;
}) {
  const push = useToasts((s) => s.push);
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [mode, setMode] = useState<'upsert' | 'insert'>('upsert');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [lines, setLines] = useState<Lines>([]);
  const [refused, setRefused] = useState<ConsoleProblem[] | null>(null);

  const reset = () => {
    setError(null);
    setLines([]);
    setRefused(null);
  };

  const run = async (force: boolean) => {
    setBusy(true);
    reset();
    try {
      const answer = await api.importLines(collection, text, mode, force);
      push(
        `已导入 ${collection}：新增 ${answer.inserted}，覆盖 ${answer.replaced}${answer.errors > 0 ? `（${answer.errors} 个校验错误）` : ''}`,
      );
      await onImported();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VALIDATION_FAILED') setRefused(err.problems);
      else if (err instanceof ApiError && err.lines.length > 0) {
        setError(err.message);
        setLines(err.lines);
      } else setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const docCount = text.split(/\r?\n/).filter((l) => l.trim() !== '').length;

  return (
    <Modal title={`导入到 ${collection}`} onClose={onClose} wide>
      <p className="lc-muted">
        云开发控制台的导入格式：JSON Lines，每行一个文档，日期写作 {'{"$date": "2026-11-23T02:00:00.000Z"}'}；也可以是 JSON
        数组。整批写入，任何一行有误则整批不导入。
      </p>
      <div className="lc-row">
        <label className="lc-btn lc-file">
          选择文件…
          <input
            type="file"
            accept=".json,.jsonl,.ndjson,application/json"
            aria-label="导入文件"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              setFileName(file.name);
              setText(await file.text());
              reset();
            }}
          />
        </label>
        <span className="lc-muted">{fileName ?? '或把内容粘贴到下面'}</span>
      </div>
      <textarea
        className="lc-import__text"
        aria-label="导入内容"
        spellCheck={false}
        placeholder={'{"_id": "a", "title": "…"}\n{"_id": "b", "title": "…"}'}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          reset();
        }}
      />
      <div className="lc-row">
        <span className="lc-field__label">冲突处理</span>
        <label className="lc-radio">
          <input type="radio" checked={mode === 'upsert'} onChange={() => setMode('upsert')} /> 覆盖 Upsert（同 _id 则替换）
        </label>
        <label className="lc-radio">
          <input type="radio" checked={mode === 'insert'} onChange={() => setMode('insert')} /> 仅新增 Insert（有重复 _id 则整批拒绝）
        </label>
      </div>
      {error ? <ErrorNote>{error}</ErrorNote> : null}
      {lines.length > 0 ? (
        <ul className="lc-import__lines">
          {lines.map((l, i) => (
            <li key={i}>
              <code>
                第 {l.at} 行{l.id !== '*' ? ` · ${l.id}` : ''}
              </code>{' '}
              {l.message_zh} <span className="lc-muted">/ {l.message_en}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {refused ? (
        <div className="lc-insist" role="alert">
          <div className="lc-insist__body">
            <div className="lc-insist__title">导入的文档有校验错误（{refused.filter((p) => p.severity === 'error').length} 个）</div>
            <ProblemList problems={refused} collection={collection} />
            <div className="lc-row">
              <button className="lc-btn lc-btn--danger" disabled={busy} onClick={() => void run(true)}>
                仍然导入 Import anyway
              </button>
            </div>
          </div>
        </div>
      ) : null}
      <div className="lc-modal__foot">
        <span className="lc-muted">{docCount > 0 ? `${docCount} 行` : ''}</span>
        <div className="lc-top__spacer" />
        <button className="lc-btn" onClick={onClose}>
          取消
        </button>
        <button className="lc-btn lc-btn--primary" disabled={busy || text.trim() === ''} onClick={() => void run(false)}>
          导入
        </button>
      </div>
    </Modal>
  );
}
