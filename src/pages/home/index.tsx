// Home: search, campaign slots (filled by the campaign engine), categories and the product feed.
// The first screen comes with the launch call; later loads are one call (catalog.home), and one
// more per further page of the feed.
import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { HomeView, ProductCardView } from '@domain/api/views';
import { api } from '../../services/api';
import { uiStore } from '../../stores/ui';
import { userStore } from '../../stores/user';
import { ProductGrid } from '../../components/ProductCard';
import { Empty, ErrorState, Loading } from '../../components/StateView';
import { CampaignSlot } from '../../components/CampaignSlot';
import { useShare } from '../../services/share';
import './index.scss';

export default function HomePage() {
  const [home, setHome] = useState<HomeView | null>(null);
  const [feed, setFeed] = useState<ProductCardView[]>([]);
  const [error, setError] = useState('');
  const [keyword, setKeyword] = useState('');
  const [results, setResults] = useState<{ keyword: string; products: ProductCardView[] } | null>(
    null,
  );
  const [loadingMore, setLoadingMore] = useState(false);
  useShare({ kind: 'home' }, () => '拾光小铺：好物推荐给你');

  const show = (view: HomeView) => {
    setHome(view);
    setFeed(view.feed);
  };
  const load = useCallback(async () => {
    setError('');
    const res = await api.home();
    if (!res.ok) return setError(res.message);
    show(res.data);
  }, []);

  useEffect(() => {
    void userStore.takeLaunchedHome().then((launched) => (launched ? show(launched) : load()));
  }, [load]);
  // Back on the tab: campaign slots depend on the shopper (a first payment ends the new-user
  // zone) and on what is left of a flash sale; refresh them, keep the feed where it was.
  useDidShow(async () => {
    if (!home) return;
    const res = await api.home();
    if (res.ok) setHome((current) => (current ? { ...current, slots: res.data.slots } : res.data));
  });

  usePullDownRefresh(() => {
    void load().then(() => Taro.stopPullDownRefresh());
  });

  useReachBottom(async () => {
    if (!home?.nextCursor || loadingMore || results) return;
    setLoadingMore(true);
    const res = await api.home(home.nextCursor);
    setLoadingMore(false);
    if (!res.ok) return Taro.showToast({ title: res.message, icon: 'none' });
    setHome({ ...home, nextCursor: res.data.nextCursor });
    setFeed((items) => [...items, ...res.data.feed]);
  });

  const search = async () => {
    const word = keyword.trim();
    if (!word) return setResults(null);
    const res = await api.search(word);
    if (!res.ok) return Taro.showToast({ title: res.message, icon: 'none' });
    setResults(res.data);
  };

  const openCategory = (id: string) => {
    uiStore.chooseCategory(id);
    void Taro.switchTab({ url: '/pages/category/index' });
  };

  return (
    <View className="page home">
      <View className="home-header">
        <Text className="home-brand">拾光小铺</Text>
        <Text className="home-slogan">好物慢慢挑，日子细细过</Text>
        <View className="home-search">
          <Input
            className="home-search-input"
            placeholder="搜索茶叶、零食、日用好物"
            value={keyword}
            confirmType="search"
            onInput={(e) => setKeyword(e.detail.value)}
            onConfirm={search}
          />
          <View className="home-search-btn" onClick={search}>
            搜索
          </View>
        </View>
      </View>

      {error ? <ErrorState message={error} onRetry={load} /> : null}
      {!home && !error ? <Loading /> : null}

      {results ? (
        <View className="home-results">
          <View className="home-results-head">
            <Text>“{results.keyword}” 的搜索结果</Text>
            <Text className="home-results-clear" onClick={() => (setResults(null), setKeyword(''))}>
              清除
            </Text>
          </View>
          {results.products.length ? (
            <ProductGrid products={results.products} />
          ) : (
            <Empty text="没有找到相关商品，换个词试试" />
          )}
        </View>
      ) : home ? (
        <>
          {home.slots.map((slot) => (
            <CampaignSlot key={slot.campaignId} slot={slot} />
          ))}
          <View className="home-categories">
            {home.categories.map((c) => (
              <View key={c.id} className="home-category" onClick={() => openCategory(c.id)}>
                <View className="home-category-dot">{c.name.slice(0, 1)}</View>
                <Text className="home-category-name">{c.name}</Text>
              </View>
            ))}
          </View>
          <Text className="home-feed-title">为你精选</Text>
          {feed.length ? <ProductGrid products={feed} /> : <Empty text="店铺还没有上架商品" />}
          <Text className="home-feed-end muted">
            {loadingMore ? '加载中…' : home.nextCursor ? '上拉加载更多' : '— 已经到底啦 —'}
          </Text>
        </>
      ) : null}
    </View>
  );
}
