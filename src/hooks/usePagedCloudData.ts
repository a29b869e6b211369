// A list the cloud serves a page at a time (the order list): the first page through
// useCloudData (loading, error, refresh on show and pull-down), further pages appended when the
// shopper reaches the bottom.
import { useState, type DependencyList } from 'react';
import { useReachBottom } from '@tarojs/taro';
import type { Result } from '@domain/result';
import { useCloudData } from './useCloudData';

export interface Page<T> {
  items: T[];
  nextCursor: number | null;
}

export function usePagedCloudData<T>(
  loadPage: (cursor?: number) => Promise<Result<Page<T>>>,
  deps: DependencyList,
) {
  const first = useCloudData(() => loadPage(), deps);
  // `next` is undefined until a further page was loaded.
  const [more, setMore] = useState<{ from: Page<T> | null; items: T[]; next?: number | null }>({
    from: null,
    items: [],
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState('');

  // Pages loaded after the first belong to that first page: a refresh starts over.
  const extra = more.from === first.data ? more : { from: first.data, items: [] as T[] };
  const nextCursor = extra.next !== undefined ? extra.next : (first.data?.nextCursor ?? null);

  const loadMore = async () => {
    if (loadingMore || nextCursor === null || !first.data) return;
    setLoadingMore(true);
    const res = await loadPage(nextCursor);
    setLoadingMore(false);
    if (!res.ok) return setMoreError(res.message);
    setMoreError('');
    setMore({
      from: first.data,
      items: [...extra.items, ...res.data.items],
      next: res.data.nextCursor,
    });
  };
  useReachBottom(() => void loadMore());

  return {
    ...first,
    items: first.data ? [...first.data.items, ...extra.items] : null,
    hasMore: nextCursor !== null,
    loadingMore,
    moreError,
    loadMore,
  };
}
