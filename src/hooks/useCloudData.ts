// The one way a page loads what it shows from the cloud: loading, the error with a retry, a
// silent refresh whenever the page is shown again (prices, stock and statuses change while the
// shopper is elsewhere) and on pull-down (the page config needs enablePullDownRefresh). A reply
// that arrives after a newer request started is dropped, so a slow answer never overwrites a
// fresh one.
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { Result } from '@domain/result';

export interface CloudData<T> {
  data: T | null;
  /** The last load's error message ('' when it succeeded). */
  error: string;
  /** The last load's error code ('' when it succeeded). */
  code: string;
  /** A first load (or a load after `deps` changed) is under way. */
  loading: boolean;
  /** Loads again, showing the loading state (after an error). */
  retry: () => void;
  /** Loads again, keeping what is shown until the answer arrives. */
  refresh: () => Promise<void>;
  /** Replaces the data with a newer view (e.g. the one an action returned). */
  setData: (data: T) => void;
}

export function useCloudData<T>(
  load: () => Promise<Result<T>>,
  deps: DependencyList,
  options: { refreshOnShow?: boolean } = {},
): CloudData<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState({ message: '', code: '' });
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  const shown = useRef(false);
  // The caller names what `load` reads in `deps`, as with useCallback.
  const run = useCallback(load, deps);

  const fetchNow = useCallback(
    async (showLoading: boolean) => {
      const ticket = ++latest.current;
      if (showLoading) setLoading(true);
      const res = await run();
      if (ticket !== latest.current) return;
      setLoading(false);
      if (res.ok) {
        setData(res.data);
        setError({ message: '', code: '' });
      } else setError({ message: res.message, code: res.code });
    },
    [run],
  );

  useEffect(() => {
    void fetchNow(true);
  }, [fetchNow]);

  useDidShow(() => {
    // The first show comes with the first load; later ones refresh.
    if (shown.current && options.refreshOnShow !== false) void fetchNow(false);
    shown.current = true;
  });

  usePullDownRefresh(() => {
    void fetchNow(false).finally(() => Taro.stopPullDownRefresh());
  });

  return {
    data,
    error: error.message,
    code: error.code,
    loading,
    retry: () => void fetchNow(true),
    refresh: () => fetchNow(false),
    setData,
  };
}
