/** Subscription messages the functions sent (subscribeMessage.send), newest first, as WeChat received them. */
import { api } from '../api';
import { Empty, ErrorNote, Loading } from '../components/States';
import { RefreshButton, ViewHeader } from '../components/ViewHeader';
import { shanghaiDateTime } from '../format';
import { usePolled } from '../usePolled';

function fieldValue(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'value' in value) return String((value as { value: unknown }).value);
  return JSON.stringify(value);
}

export function OutboxView() {
  const { data, error, reload } = usePolled(() => api.outbox(), 3000);
  return (
    <section className="lc-view">
      <ViewHeader title="订阅消息 Subscription messages" actions={<RefreshButton onClick={() => void reload()} />}>
        云函数通过 openapi.subscribeMessage.send 发出的消息。本地不会真的推送，只在这里记录。
      </ViewHeader>
      {error ? <ErrorNote>{error}</ErrorNote> : null}
      {!data && !error ? <Loading /> : null}
      {data && data.messages.length === 0 ? (
        <Empty icon="outbox" title="还没有发出的消息">
          函数发送订阅消息后会出现在这里。
        </Empty>
      ) : null}
      <div className="lc-grid">
        {data?.messages.map((m) => (
          <article className="lc-card lc-msg" key={m.msgid}>
            <div className="lc-msg__head">
              <span className="lc-mono">#{m.msgid}</span>
              <span className="lc-tag lc-tag--info">{m.miniprogram_state}</span>
              <span className="lc-muted">{shanghaiDateTime(Date.parse(m.sentAt))}</span>
            </div>
            <div className="lc-msg__template">
              模板 <code>{m.template_id}</code>
            </div>
            <dl className="lc-msg__data">
              {Object.entries(m.data).map(([key, value]) => (
                <div key={key}>
                  <dt>{key}</dt>
                  <dd>{fieldValue(value)}</dd>
                </div>
              ))}
            </dl>
            <div className="lc-msg__foot">
              <span>
                发给 <code>{m.touser}</code>
              </span>
              {m.page ? (
                <span>
                  打开 <code>{m.page}</code>
                </span>
              ) : null}
              {m.from ? (
                <span>
                  来自 <code>{m.from.function}</code>
                </span>
              ) : null}
            </div>
          </article>
        ))}
      </div>
    </section>
  );
}
