import { create } from 'zustand';
import { CloudCallError } from '@/services/cloud/callFunction';
import { createResource, type Resource } from './resource';

/** An answer the test gives (or refuses) when it chooses. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const offline = () => new CloudCallError('NETWORK', '网络不太顺畅，请检查网络后重试');

/** A store of one resource whose loader hands out the answers queued by the test, in call order. */
function storeOf() {
  const answers: Array<ReturnType<typeof deferred<string>>> = [];
  const loader = jest.fn(() => {
    const answer = deferred<string>();
    answers.push(answer);
    return answer.promise;
  });
  const useStore = create<Resource<string>>()(createResource(loader));
  return { useStore, loader, answers };
}

describe('createResource', () => {
  it('shows loading, then the answer', async () => {
    const { useStore, answers } = storeOf();
    expect(useStore.getState()).toMatchObject({ status: 'idle', data: null, error: null });
    const loading = useStore.getState().load();
    expect(useStore.getState().status).toBe('loading');
    answers[0].resolve('home');
    await loading;
    expect(useStore.getState()).toMatchObject({ status: 'ready', data: 'home', error: null, refreshing: false });
  });

  it('turns a failed first load into the error state with its Chinese message, and a retry works', async () => {
    const { useStore, answers } = storeOf();
    const first = useStore.getState().load();
    answers[0].reject(offline());
    await first;
    expect(useStore.getState()).toMatchObject({
      status: 'error',
      data: null,
      error: { code: 'NETWORK', message: '网络不太顺畅，请检查网络后重试' },
    });
    const retry = useStore.getState().load();
    expect(useStore.getState()).toMatchObject({ status: 'loading', error: null });
    answers[1].resolve('home');
    await retry;
    expect(useStore.getState()).toMatchObject({ status: 'ready', data: 'home', error: null });
  });

  describe('sequence guard', () => {
    it('never lets an earlier, slower answer overwrite a later one', async () => {
      const { useStore, answers } = storeOf();
      const older = useStore.getState().load();
      const newer = useStore.getState().load();
      answers[1].resolve('newer');
      await newer;
      answers[0].resolve('older');
      await older;
      expect(useStore.getState().data).toBe('newer');
    });

    it('never lets an earlier request’s failure replace a later answer', async () => {
      const { useStore, answers } = storeOf();
      const older = useStore.getState().load();
      const newer = useStore.getState().load();
      answers[1].resolve('newer');
      await newer;
      answers[0].reject(offline());
      await older;
      expect(useStore.getState()).toMatchObject({ status: 'ready', data: 'newer', error: null });
    });

    it('keeps waiting for the newest request when an older one answers first', async () => {
      const { useStore, answers } = storeOf();
      const older = useStore.getState().load();
      void useStore.getState().load();
      answers[0].resolve('older');
      await older;
      expect(useStore.getState()).toMatchObject({ status: 'loading', data: null });
    });
  });

  describe('reloading what is shown', () => {
    async function shown(data: string) {
      const store = storeOf();
      const first = store.useStore.getState().load();
      store.answers[0].resolve(data);
      await first;
      return store;
    }

    it('a quiet refresh changes nothing on screen while it runs, then shows the new answer', async () => {
      const { useStore, answers } = await shown('old');
      const before = useStore.getState();
      const refresh = useStore.getState().load({ quiet: true });
      expect(useStore.getState()).toBe(before);
      answers[1].resolve('new');
      await refresh;
      expect(useStore.getState()).toMatchObject({ status: 'ready', data: 'new', refreshing: false });
    });

    it('a quiet refresh that fails keeps what is shown and says nothing', async () => {
      const { useStore, answers } = await shown('old');
      const refresh = useStore.getState().load({ quiet: true });
      answers[1].reject(offline());
      await refresh;
      expect(useStore.getState()).toMatchObject({ status: 'ready', data: 'old', error: null, refreshing: false });
    });

    it('a quiet refresh without anything shown yet is a normal load', async () => {
      const { useStore, answers } = storeOf();
      const load = useStore.getState().load({ quiet: true });
      expect(useStore.getState().status).toBe('loading');
      answers[0].reject(offline());
      await load;
      expect(useStore.getState()).toMatchObject({ status: 'error', error: { code: 'NETWORK' } });
    });

    it('a visible reload keeps the data on screen, marked refreshing, and keeps it when it fails', async () => {
      const { useStore, answers } = await shown('old');
      const reload = useStore.getState().load();
      expect(useStore.getState()).toMatchObject({ status: 'ready', data: 'old', refreshing: true });
      answers[1].reject(offline());
      await reload;
      expect(useStore.getState()).toMatchObject({ status: 'ready', data: 'old', refreshing: false, error: { code: 'NETWORK' } });
    });

    it('a quiet refresh that overtakes a visible reload ends the refreshing mark', async () => {
      const { useStore, answers } = await shown('old');
      void useStore.getState().load();
      const refresh = useStore.getState().load({ quiet: true });
      answers[2].reject(offline());
      await refresh;
      expect(useStore.getState()).toMatchObject({ data: 'old', refreshing: false });
    });
  });

  it('names its fields and action after the answer, and a prefix keeps two resources of one store apart', async () => {
    type Both = Resource<string, 'home'> & Resource<number, 'mine', 'mine'>;
    const home = deferred<string>();
    const mine = deferred<number>();
    const useStore = create<Both>()((set, get) => ({
      ...createResource(() => home.promise, { data: 'home' })(set, get),
      ...createResource(() => mine.promise, { data: 'mine', prefix: 'mine' })(set, get),
    }));
    const loadingMine = useStore.getState().loadMine();
    expect(useStore.getState()).toMatchObject({ status: 'idle', home: null, mineStatus: 'loading', mine: null });
    const loadingHome = useStore.getState().load();
    mine.reject(offline());
    home.resolve('card');
    await Promise.all([loadingMine, loadingHome]);
    expect(useStore.getState()).toMatchObject({
      status: 'ready',
      home: 'card',
      error: null,
      mineStatus: 'error',
      mine: null,
      mineError: { code: 'NETWORK' },
      mineRefreshing: false,
    });
    expect(Object.keys(useStore.getState()).sort()).toEqual(
      ['error', 'home', 'load', 'loadMine', 'mine', 'mineError', 'mineRefreshing', 'mineStatus', 'refreshing', 'status'].sort(),
    );
  });
});
