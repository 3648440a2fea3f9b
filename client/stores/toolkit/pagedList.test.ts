import { create } from 'zustand';
import { CloudCallError } from '@/services/cloud/callFunction';
import { appendPage, createPagedList, type Page, type PagedList } from './pagedList';

interface Row {
  id: string;
}

const rows = (...ids: string[]): Row[] => ids.map((id) => ({ id }));
const offline = () => new CloudCallError('NETWORK', '网络不太顺畅，请检查网络后重试');

/** A list whose pages the test answers one call at a time, in call order. */
function listOf() {
  const answers: Array<{ resolve(page: Page<Row>): void; reject(err: unknown): void }> = [];
  const fetchPage = jest.fn(
    (_cursor: string | null) =>
      new Promise<Page<Row>>((resolve, reject) => {
        answers.push({ resolve, reject });
      }),
  );
  const useList = create<PagedList<Row>>()(createPagedList(fetchPage));
  const ids = () => useList.getState().items.map((r) => r.id);
  return { useList, fetchPage, answers, ids };
}

async function firstPage(page: Page<Row>) {
  const list = listOf();
  const loading = list.useList.getState().load();
  list.answers[0].resolve(page);
  await loading;
  return list;
}

it('appends a page without repeating an item already shown', () => {
  expect(appendPage([{ id: 'a' }, { id: 'b' }], [{ id: 'b' }, { id: 'c' }]).map((x) => x.id)).toEqual(['a', 'b', 'c']);
});

describe('createPagedList', () => {
  it('loads the first page without a cursor, then the next with the cursor it was given', async () => {
    const { useList, fetchPage, answers, ids } = await firstPage({ items: rows('a', 'b'), nextCursor: 'c1' });
    expect(fetchPage).toHaveBeenLastCalledWith(null);
    expect(useList.getState()).toMatchObject({ status: 'ready', nextCursor: 'c1' });
    const more = useList.getState().loadMore();
    expect(useList.getState().loadingMore).toBe(true);
    answers[1].resolve({ items: rows('c'), nextCursor: null });
    await more;
    expect(fetchPage).toHaveBeenLastCalledWith('c1');
    expect(ids()).toEqual(['a', 'b', 'c']);
    expect(useList.getState()).toMatchObject({ loadingMore: false, nextCursor: null });
  });

  it('shows an item repeated at a page boundary once', async () => {
    // A new entry arrived between the two pages: the second page starts with the first page's last item.
    const { useList, answers, ids } = await firstPage({ items: rows('e5', 'e4'), nextCursor: 'c1' });
    const more = useList.getState().loadMore();
    answers[1].resolve({ items: rows('e4', 'e3'), nextCursor: null });
    await more;
    expect(ids()).toEqual(['e5', 'e4', 'e3']);
  });

  it('asks for one next page at a time, and none past the end or before the first page', async () => {
    const list = listOf();
    await list.useList.getState().loadMore();
    expect(list.fetchPage).not.toHaveBeenCalled();
    const { useList, fetchPage, answers } = await firstPage({ items: rows('a'), nextCursor: 'c1' });
    const taps = [useList.getState().loadMore(), useList.getState().loadMore()];
    answers[1].resolve({ items: rows('b'), nextCursor: null });
    await Promise.all(taps);
    expect(fetchPage).toHaveBeenCalledTimes(2);
    await useList.getState().loadMore();
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it('keeps the list when a next page fails, and the retry asks for the same page again', async () => {
    const { useList, fetchPage, answers, ids } = await firstPage({ items: rows('a'), nextCursor: 'c1' });
    const failing = useList.getState().loadMore();
    answers[1].reject(offline());
    await failing;
    expect(ids()).toEqual(['a']);
    expect(useList.getState()).toMatchObject({ status: 'ready', loadingMore: false, nextCursor: 'c1', moreError: { code: 'NETWORK' } });
    const retry = useList.getState().loadMore();
    expect(useList.getState().moreError).toBeNull();
    answers[2].resolve({ items: rows('b'), nextCursor: null });
    await retry;
    expect(fetchPage.mock.calls.map((c) => c[0])).toEqual([null, 'c1', 'c1']);
    expect(ids()).toEqual(['a', 'b']);
    expect(useList.getState().moreError).toBeNull();
  });

  it('a failed first page is the error state', async () => {
    const { useList, answers } = listOf();
    const loading = useList.getState().load();
    answers[0].reject(offline());
    await loading;
    expect(useList.getState()).toMatchObject({ status: 'error', items: [], error: { code: 'NETWORK' } });
  });

  it('starts over on reload and drops the answers meant for the list it replaced', async () => {
    const { useList, answers, ids } = await firstPage({ items: rows('a'), nextCursor: 'c1' });
    const staleMore = useList.getState().loadMore();
    const staleFirst = useList.getState().load();
    const reload = useList.getState().load();
    expect(useList.getState()).toMatchObject({ status: 'loading', items: [], loadingMore: false });
    answers[3].resolve({ items: rows('x'), nextCursor: null });
    await reload;
    answers[1].resolve({ items: rows('b'), nextCursor: 'c2' });
    answers[2].resolve({ items: rows('y'), nextCursor: 'c3' });
    await Promise.all([staleMore, staleFirst]);
    expect(ids()).toEqual(['x']);
    expect(useList.getState().nextCursor).toBeNull();
  });

  it('does not show a retry row for a next page of the list it replaced', async () => {
    const { useList, answers } = await firstPage({ items: rows('a'), nextCursor: 'c1' });
    const staleMore = useList.getState().loadMore();
    const reload = useList.getState().load();
    answers[2].resolve({ items: rows('x'), nextCursor: 'c9' });
    await reload;
    answers[1].reject(offline());
    await staleMore;
    expect(useList.getState()).toMatchObject({ status: 'ready', moreError: null, loadingMore: false, nextCursor: 'c9' });
  });
});
