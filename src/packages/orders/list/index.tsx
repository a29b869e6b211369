// The buyer's orders, by status tab, a page at a time (more as the shopper scrolls down), fresh on
// every show and on pull-down.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { OrderSummaryView } from '@domain/api/views';
import type { OrderStatus } from '@domain/model';
import { formatYuan } from '@domain/money';
import { totalLabel } from '@domain/order-status';
import { api } from '../../../services/api';
import { usePagedCloudData } from '../../../hooks/usePagedCloudData';
import { OrderLines } from '../../../components/OrderLines';
import { Empty, ErrorState, Loading } from '../../../components/StateView';
import './index.scss';

const TABS: { status?: OrderStatus; label: string }[] = [
  { label: '全部' },
  { status: 'UNPAID', label: '待付款' },
  { status: 'PAID', label: '待发货' },
  { status: 'SHIPPED', label: '待收货' },
  { status: 'COMPLETED', label: '已完成' },
];

export default function OrderListPage() {
  const { params } = useRouter();
  const [status, setStatus] = useState<OrderStatus | undefined>(
    params.status as OrderStatus | undefined,
  );
  const list = usePagedCloudData<OrderSummaryView>(
    async (cursor) => {
      const res = await api.orders(status, cursor);
      return res.ok
        ? { ok: true, data: { items: res.data.orders, nextCursor: res.data.nextCursor } }
        : res;
    },
    [status],
  );
  const orders = list.items;

  return (
    <View className="page order-list">
      <View className="tabs">
        {TABS.map((t) => (
          <View
            key={t.label}
            className={`tab${t.status === status ? ' active' : ''}`}
            onClick={() => setStatus(t.status)}
          >
            {t.label}
          </View>
        ))}
      </View>
      {list.error && !orders ? <ErrorState message={list.error} onRetry={list.retry} /> : null}
      {!list.error && (!orders || list.loading) ? <Loading /> : null}
      {orders && !list.loading && orders.length === 0 ? (
        <Empty
          text="还没有相关订单"
          action="去逛逛"
          onAction={() => Taro.switchTab({ url: '/pages/home/index' })}
        />
      ) : null}
      {!list.loading &&
        orders?.map((o) => (
          <View
            key={o.id}
            className="section order-card"
            onClick={() =>
              Taro.navigateTo({
                url: `/packages/orders/detail/index?id=${encodeURIComponent(o.id)}`,
              })
            }
          >
            <View className="order-card-head">
              <Text className="muted">
                {new Date(o.createdAt).toLocaleString('zh-CN', { hour12: false })}
              </Text>
              <Text className={`order-status status-${o.status}`}>{o.statusText}</Text>
            </View>
            <OrderLines lines={o.lines} />
            <View className="order-card-foot">
              <Text className="muted">共 {o.itemCount} 件</Text>
              <Text className="order-card-total">
                {totalLabel(o.status)} {formatYuan(o.totalFen)}
              </Text>
            </View>
          </View>
        ))}
      {orders && orders.length > 0 && !list.loading ? (
        <View className="order-list-more" onClick={() => void list.loadMore()}>
          {list.moreError
            ? `${list.moreError}，点击重试`
            : list.loadingMore
              ? '加载中…'
              : list.hasMore
                ? '上拉加载更多'
                : '没有更多了'}
        </View>
      ) : null}
    </View>
  );
}
