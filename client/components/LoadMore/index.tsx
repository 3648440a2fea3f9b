import { View, Text } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import type { PagedList } from '@/stores/toolkit/pagedList';
import { cx } from '@/utils/cx';
import { Button } from '../Button';

/** A paged list's store hook (`useLedgerStore`, `useVouchersStore`…), read through selectors. */
export type PagedListStore = <U>(selector: (state: PagedList<unknown>) => U) => U;

export interface LoadMoreProps {
  list: PagedListStore;
  className?: string;
}

/**
 * The end of a paged list: loads the next page when the member scrolls to the bottom, says
 * where the list is (加载中… / 上滑加载更多 / 没有更多了) and turns into a retry when a page failed.
 * Render it below the items the list shows.
 */
export function LoadMore({ list, className }: LoadMoreProps) {
  const loadingMore = list((s) => s.loadingMore);
  const hasMore = list((s) => s.nextCursor !== null);
  const failed = list((s) => s.moreError !== null);
  const loadMore = list((s) => s.loadMore);
  useReachBottom(() => void loadMore());

  return (
    <View className={cx('mc-load-more', className)}>
      {failed ? (
        <Button size="sm" variant="secondary" onClick={() => void loadMore()}>
          加载失败，点击重试
        </Button>
      ) : (
        <Text>{loadingMore ? '加载中…' : hasMore ? '上滑加载更多' : '没有更多了'}</Text>
      )}
    </View>
  );
}
