/** The console's frame: the top bar (environment, clock), the navigation and the open view. */
import { useEffect } from 'react';
import { ClockBadge } from './clock/ClockBadge';
import { ClockView } from './clock/ClockView';
import { Icon, type IconName } from './components/Icon';
import { ErrorNote } from './components/States';
import { Toasts } from './components/Toasts';
import { DatabaseView } from './database/DatabaseView';
import { FunctionsView } from './functions/FunctionsView';
import { IndexesView } from './indexes/IndexesView';
import { OutboxView } from './outbox/OutboxView';
import { useOverview } from './overviewStore';
import { hrefOf, useRoute, type View } from './route';
import { StorageView } from './storage/StorageView';

const NAV: Array<{ view: View; icon: IconName; zh: string; en: string }> = [
  { view: 'database', icon: 'database', zh: '数据库', en: 'Database' },
  { view: 'functions', icon: 'functions', zh: '云函数', en: 'Functions' },
  { view: 'indexes', icon: 'indexes', zh: '索引', en: 'Indexes' },
  { view: 'storage', icon: 'storage', zh: '云存储', en: 'Storage' },
  { view: 'outbox', icon: 'outbox', zh: '订阅消息', en: 'Messages' },
  { view: 'clock', icon: 'clock', zh: '时钟', en: 'Clock' },
];

export function App() {
  const route = useRoute();
  const envId = useOverview((s) => s.overview?.envId);
  const error = useOverview((s) => s.error);
  const refresh = useOverview((s) => s.refresh);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), 5000);
    return () => window.clearInterval(timer);
  }, [refresh]);

  return (
    <div className="lc-app">
      <header className="lc-top">
        <div className="lc-brand">
          <Icon name="cloud" size={20} />
          <span className="lc-brand__name">localcloud</span>
          <span className="lc-brand__sub">控制台 Console</span>
        </div>
        {envId ? <span className="lc-env">环境 {envId}</span> : null}
        <div className="lc-top__spacer" />
        <ClockBadge />
      </header>
      <nav className="lc-nav" aria-label="控制台导航">
        {NAV.map((item) => (
          <a key={item.view} href={hrefOf({ view: item.view })} className={`lc-nav__item${route.view === item.view ? ' is-active' : ''}`}>
            <Icon name={item.icon} size={18} />
            <span className="lc-nav__zh">{item.zh}</span>
            <span className="lc-nav__en">{item.en}</span>
          </a>
        ))}
        <div className="lc-nav__foot">
          仅本机可访问
          <br />
          loopback only
        </div>
      </nav>
      <main className="lc-main">
        {error ? <ErrorNote>{error}</ErrorNote> : null}
        {route.view === 'database' ? <DatabaseView collection={route.collection} /> : null}
        {route.view === 'functions' ? <FunctionsView /> : null}
        {route.view === 'indexes' ? <IndexesView /> : null}
        {route.view === 'storage' ? <StorageView /> : null}
        {route.view === 'outbox' ? <OutboxView /> : null}
        {route.view === 'clock' ? <ClockView /> : null}
      </main>
      <Toasts />
    </div>
  );
}
