/**
 * Edit a document as JSON (Extended JSON for dates and ids). In a validated collection the report
 * — by `_id` and field, Chinese and English — follows the text as it is typed; a save the
 * validator refuses goes through only when the user insists, and the document is then flagged.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ConsoleProblem, JsonValue, ValidationAnswer } from '../../src/console/protocol';
import { api, ApiError, errorText } from '../api';
import { Icon } from '../components/Icon';
import { JsonEditor } from '../components/JsonEditor';
import { ProblemList } from '../components/ProblemList';
import { ErrorNote } from '../components/States';
import { useToasts } from '../components/Toasts';
import { idLabel, jsonErrorPlace } from '../format';

export type EditorTarget = { kind: 'new' } | { kind: 'edit'; id: JsonValue; doc: { [key: string]: JsonValue } };

const NEW_TEMPLATE = '{\n  "_id": ""\n}';

function syntaxError(text: string): string | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return '文档必须是一个 JSON 对象 {…} / a document is a JSON object {…}';
    return null;
  } catch (err) {
    const message = errorText(err);
    const place = jsonErrorPlace(text, message);
    return `JSON 语法错误${place ? `（${place}）` : ''}：${message}`;
  }
}

interface Refusal {
  action: 'save' | 'delete';
  problems: ConsoleProblem[];
}

export function DocumentEditor(props: {
  collection: string;
  validated: boolean;
  target: EditorTarget;
  onSaved: (saved: EditorTarget) => Promise<void>;
  onDeleted: () => Promise<void>;
  onClose: () => void;
}) {
  const { collection, validated, target, onSaved, onDeleted, onClose } = props;
  const push = useToasts((s) => s.push);
  const [baseline, setBaseline] = useState(() => (target.kind === 'edit' ? JSON.stringify(target.doc, null, 2) : NEW_TEMPLATE));
  const [text, setText] = useState(baseline);
  const [report, setReport] = useState<ValidationAnswer | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [busy, setBusy] = useState(false);
  const latestCheck = useRef(0);

  const syntax = useMemo(() => syntaxError(text), [text]);
  const editingId = target.kind === 'edit' ? target.id : null;

  useEffect(() => {
    if (!validated || syntax) {
      setReport(null);
      return undefined;
    }
    const ticket = ++latestCheck.current;
    const timer = window.setTimeout(async () => {
      try {
        const answer = await api.validate(collection, text, editingId);
        if (ticket === latestCheck.current) {
          setReport(answer);
          setCheckError(null);
        }
      } catch (err) {
        if (ticket === latestCheck.current) {
          setReport(null);
          setCheckError(errorText(err));
        }
      }
    }, 300);
    return () => window.clearTimeout(timer);
  }, [collection, text, validated, syntax, editingId]);

  const save = async (force: boolean) => {
    setBusy(true);
    setFailure(null);
    try {
      const answer = editingId !== null ? await api.replace(collection, editingId, text, force) : await api.insert(collection, text, force);
      push(
        answer.errors > 0 ? `已保存 ${idLabel(answer.id)}（有 ${answer.errors} 个校验错误）` : `已保存 ${idLabel(answer.id)}`,
        answer.errors > 0 ? 'error' : 'ok',
      );
      setRefusal(null);
      setBaseline(text);
      const doc = JSON.parse(text) as { [key: string]: JsonValue };
      await onSaved({ kind: 'edit', id: answer.id, doc: { ...doc, _id: answer.id } });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VALIDATION_FAILED') setRefusal({ action: 'save', problems: err.problems });
      else setFailure(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (force: boolean) => {
    if (editingId === null) return;
    setBusy(true);
    setFailure(null);
    try {
      await api.remove(collection, editingId, force);
      push(`已删除 ${idLabel(editingId)}`);
      await onDeleted();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VALIDATION_FAILED') setRefusal({ action: 'delete', problems: err.problems });
      else setFailure(errorText(err));
      setBusy(false);
    }
  };

  const edit = (value: string) => {
    setText(value);
    setRefusal(null);
  };

  const dirty = text !== baseline;
  const shown = refusal?.problems ?? report?.problems ?? [];
  const errors = shown.filter((p) => p.severity === 'error').length;
  const warnings = shown.length - errors;

  return (
    <section className="lc-editor" aria-label="文档编辑器">
      <div className="lc-editor__head">
        <div>
          <div className="lc-editor__title">{editingId !== null ? '编辑文档' : '新增文档'}</div>
          {editingId !== null ? (
            <code className="lc-editor__id">{idLabel(editingId)}</code>
          ) : (
            <span className="lc-muted">留空 _id 则自动生成</span>
          )}
        </div>
        <div className="lc-row">
          {dirty ? <span className="lc-tag lc-tag--warning">未保存</span> : null}
          <button className="lc-btn lc-btn--icon" onClick={onClose} aria-label="关闭编辑器">
            <Icon name="close" />
          </button>
        </div>
      </div>
      <JsonEditor value={text} onChange={edit} label="文档 JSON" />
      {syntax ? <ErrorNote>{syntax}</ErrorNote> : null}
      {validated ? (
        <div className="lc-validation" data-testid="validation">
          <div className="lc-validation__head">
            <span>校验 Validation</span>
            {syntax ? (
              <span className="lc-muted">等 JSON 正确后校验</span>
            ) : report === null && refusal === null ? (
              <span className="lc-muted">校验中…</span>
            ) : shown.length === 0 ? (
              <span className="lc-tag lc-tag--ok">
                <Icon name="check" size={12} /> 通过 passed
              </span>
            ) : (
              <span className={`lc-tag ${errors > 0 ? 'lc-tag--error' : 'lc-tag--warning'}`}>
                {errors} 个错误 error(s) · {warnings} 个警告 warning(s)
              </span>
            )}
          </div>
          {checkError ? <ErrorNote>{checkError}</ErrorNote> : null}
          {shown.length > 0 && !syntax ? <ProblemList problems={shown} collection={collection} /> : null}
        </div>
      ) : null}
      {refusal ? (
        <div className="lc-insist" role="alert">
          <Icon name="warning" size={18} />
          <div className="lc-insist__body">
            <div className="lc-insist__title">
              {refusal.action === 'save' ? '这个文档有校验错误' : '删除后会出现校验错误'}（
              {refusal.problems.filter((p) => p.severity === 'error').length} 个）
            </div>
            <div className="lc-insist__text">
              项目的校验器认为这样写入有误（见上方报告）。确定仍要{refusal.action === 'save' ? '保存' : '删除'}
              吗？出错的文档会在列表中标红，直到修正。
              <br />
              The project's validator finds errors (see the report above). {refusal.action === 'save' ? 'Save' : 'Delete'} anyway? Documents
              with errors stay flagged until fixed.
            </div>
            <div className="lc-row">
              <button
                className="lc-btn lc-btn--danger"
                disabled={busy}
                onClick={() => void (refusal.action === 'save' ? save(true) : remove(true))}
              >
                {refusal.action === 'save' ? '仍然保存 Save anyway' : '仍然删除 Delete anyway'}
              </button>
              <button className="lc-btn" onClick={() => setRefusal(null)}>
                返回修改
              </button>
            </div>
          </div>
        </div>
      ) : null}
      {failure ? <ErrorNote>{failure}</ErrorNote> : null}
      <div className="lc-editor__foot">
        <button className="lc-btn lc-btn--primary" disabled={busy || syntax !== null} onClick={() => void save(false)}>
          保存
        </button>
        {editingId !== null ? (
          confirmingDelete ? (
            <>
              <span className="lc-muted">确定删除这个文档？</span>
              <button className="lc-btn lc-btn--danger" disabled={busy} onClick={() => void remove(false)}>
                确定删除
              </button>
              <button className="lc-btn" onClick={() => setConfirmingDelete(false)}>
                取消
              </button>
            </>
          ) : (
            <button className="lc-btn lc-btn--ghost-danger" disabled={busy} onClick={() => setConfirmingDelete(true)}>
              <Icon name="trash" /> 删除
            </button>
          )
        ) : null}
        <div className="lc-top__spacer" />
        {dirty ? (
          <button className="lc-btn lc-btn--ghost" onClick={() => edit(baseline)}>
            撤销修改
          </button>
        ) : null}
      </div>
    </section>
  );
}
