/** The files in cloud storage: path, size, type and time; open one, or see an image beside the list. */
import { useState } from 'react';
import type { StorageFile } from '../../src/console/protocol';
import { api } from '../api';
import { Icon } from '../components/Icon';
import { Empty, ErrorNote, Loading } from '../components/States';
import { RefreshButton, ViewHeader } from '../components/ViewHeader';
import { bytesText, shanghaiDateTime } from '../format';
import { usePolled } from '../usePolled';

export function StorageView() {
  const { data, error, reload } = usePolled(() => api.storage(), null);
  const [preview, setPreview] = useState<StorageFile | null>(null);
  return (
    <section className="lc-view">
      <ViewHeader title="云存储 Storage" actions={<RefreshButton onClick={() => void reload()} />}>
        云函数通过 uploadFile 写入的文件（fileID 形如 cloud://…）。
      </ViewHeader>
      {error ? <ErrorNote>{error}</ErrorNote> : null}
      {!data && !error ? <Loading /> : null}
      {data && data.files.length === 0 ? (
        <Empty icon="storage" title="还没有文件">
          云函数上传文件后会出现在这里。
        </Empty>
      ) : null}
      {data && data.files.length > 0 ? (
        <div className="lc-storage">
          <table className="lc-table">
            <thead>
              <tr>
                <th>路径 cloudPath</th>
                <th className="lc-num">大小</th>
                <th>类型</th>
                <th>修改时间</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {data.files.map((f) => (
                <tr key={f.cloudPath} className={preview?.cloudPath === f.cloudPath ? 'is-selected' : ''} onClick={() => setPreview(f)}>
                  <td className="lc-mono" title={f.fileId}>
                    {f.cloudPath}
                  </td>
                  <td className="lc-num">{bytesText(f.size)}</td>
                  <td className="lc-muted">{f.contentType}</td>
                  <td className="lc-mono">{shanghaiDateTime(Date.parse(f.modifiedAt))}</td>
                  <td>
                    <a className="lc-link" href={f.url} target="_blank" rel="noreferrer" onClick={(e) => e.stopPropagation()}>
                      打开 <Icon name="external" size={13} />
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview ? (
            <aside className="lc-card lc-storage__preview">
              <div className="lc-mono lc-storage__path">{preview.fileId}</div>
              {preview.contentType.startsWith('image/') ? (
                <img src={preview.url} alt={preview.cloudPath} />
              ) : (
                <div className="lc-muted">无预览，点「打开」下载查看。</div>
              )}
            </aside>
          ) : null}
        </div>
      ) : null}
      {data?.truncated ? <div className="lc-muted">只列出前 2000 个文件。</div> : null}
    </section>
  );
}
