// The stock list: search by product name, filter by category and low stock; a sortable table on
// a desktop (in hand, held by unpaid orders, sellable, sold), cards on a phone; a SKU opens its
// ledger and the stock form.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { AdminSkuView } from '@domain/api/views';
import { formatYuan } from '@domain/money';
import { usePagedCloudData } from '../../../hooks/usePagedCloudData';
import { useCloudData } from '../../../hooks/useCloudData';
import { api } from '../../../services/api';
import { Empty, ErrorState, Loading } from '../../../components/StateView';
import { AdminShell } from '../components/AdminShell';
import { DataTable, type Column } from '../components/DataTable';
import { adminApi } from '../admin-api';
import '../admin.scss';

const open = (s: AdminSkuView) =>
  Taro.navigateTo({ url: `/packages/admin/sku/index?id=${encodeURIComponent(s.id)}` });

const COLUMNS: Column<AdminSkuView>[] = [
  { key: 'title', title: '商品', value: (s) => s.title },
  { key: 'spec', title: '规格', value: (s) => s.specText },
  { key: 'price', title: '价格', value: (s) => s.priceFen, render: (s) => formatYuan(s.priceFen) },
  {
    key: 'inHand',
    title: '在库',
    value: (s) => s.inHand,
    render: (s) => <Text className={s.low ? 'admin-low' : ''}>{s.inHand}</Text>,
  },
  { key: 'held', title: '待付款占用', value: (s) => s.held },
  { key: 'sellable', title: '可售', value: (s) => s.sellable },
  { key: 'sold', title: '已售', value: (s) => s.sold },
  { key: 'status', title: '状态', value: (s) => (s.onSale ? '在售' : '已下架') },
];

function StockPageContent() {
  const [keyword, setKeyword] = useState('');
  const [search, setSearch] = useState('');
  const [categoryId, setCategoryId] = useState<string | undefined>(undefined);
  const [lowOnly, setLowOnly] = useState(false);
  const categories = useCloudData(() => api.category(), [], { refreshOnShow: false });
  const list = usePagedCloudData<AdminSkuView>(
    async (cursor) => {
      const res = await adminApi.skus({
        ...(search ? { keyword: search } : {}),
        ...(categoryId ? { categoryId } : {}),
        lowOnly,
        cursor: cursor ?? 0,
      });
      return res.ok
        ? { ok: true, data: { items: res.data.skus, nextCursor: res.data.nextCursor } }
        : res;
    },
    [search, categoryId, lowOnly],
  );
  const skus = list.items;
  return (
    <>
      <Text className="admin-title">库存</Text>
      <View className="admin-toolbar">
        <Input
          className="admin-input admin-search"
          placeholder="搜索商品名"
          value={keyword}
          onInput={(e) => setKeyword(e.detail.value)}
          onConfirm={() => setSearch(keyword.trim())}
        />
        <View className="admin-chip" onClick={() => setSearch(keyword.trim())}>
          搜索
        </View>
        <View
          className={`admin-chip admin-low-only${lowOnly ? ' active' : ''}`}
          onClick={() => setLowOnly(!lowOnly)}
        >
          只看库存不足
        </View>
      </View>
      <View className="admin-toolbar">
        <View
          className={`admin-chip${categoryId ? '' : ' active'}`}
          onClick={() => setCategoryId(undefined)}
        >
          全部分类
        </View>
        {categories.data?.categories.map((c) => (
          <View
            key={c.id}
            className={`admin-chip${categoryId === c.id ? ' active' : ''}`}
            onClick={() => setCategoryId(c.id)}
          >
            {c.name}
          </View>
        ))}
      </View>
      {list.error && !skus ? <ErrorState message={list.error} onRetry={list.retry} /> : null}
      {!list.error && (!skus || list.loading) ? <Loading /> : null}
      {skus && !list.loading && skus.length === 0 ? <Empty text="没有符合条件的商品" /> : null}
      {skus && !list.loading && skus.length > 0 ? (
        <>
          <DataTable columns={COLUMNS} rows={skus} rowKey={(s) => s.id} onRow={open} />
          <View className="admin-cards">
            {skus.map((s) => (
              <View key={s.id} className="admin-card admin-sku-card" onClick={() => open(s)}>
                <Text>{`${s.title} · ${s.specText}`}</Text>
                <Text className={s.low ? 'admin-low' : 'muted'}>
                  {`在库 ${s.inHand} · 占用 ${s.held} · 可售 ${s.sellable}`}
                </Text>
              </View>
            ))}
          </View>
          {list.hasMore ? (
            <View className="admin-chip admin-more" onClick={() => void list.loadMore()}>
              {list.loadingMore ? '加载中…' : '加载更多'}
            </View>
          ) : null}
        </>
      ) : null}
    </>
  );
}

// The page's data loads inside the frame: only once the caller is known to be staff (a browser
// may first have to sign in).
export default function StockPage() {
  return (
    <AdminShell current="stock">
      <StockPageContent />
    </AdminShell>
  );
}
