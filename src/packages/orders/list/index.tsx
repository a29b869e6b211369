// The buyer's orders, by status tab: one call per tab.
import { useCallback, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { OrderSummaryView } from '@domain/api/views';
import type { OrderStatus } from '@domain/model';
import { formatYuan } from '@domain/money';
import { api } from '../../../services/api';
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
  const [orders, setOrders] = useState<OrderSummaryView[] | null>(null);
  const [error, setError] = useState('');

  const load = useCallback(async (s?: OrderStatus) => {
    setError('');
    setOrders(null);
    const res = await api.orders(s);
    if (!res.ok) return setError(res.message);
    setOrders(res.data.orders);
  }, []);

  useDidShow(() => {
    void load(status);
  });

  return (
    <View className="page order-list">
      <View className="tabs">
        {TABS.map((t) => (
          <View
            key={t.label}
            className={`tab${t.status === status ? ' active' : ''}`}
            onClick={() => {
              setStatus(t.status);
              void load(t.status);
            }}
          >
            {t.label}
          </View>
        ))}
      </View>
      {error ? <ErrorState message={error} onRetry={() => load(status)} /> : null}
      {!error && !orders ? <Loading /> : null}
      {orders && orders.length === 0 ? (
        <Empty
          text="还没有相关订单"
          action="去逛逛"
          onAction={() => Taro.switchTab({ url: '/pages/home/index' })}
        />
      ) : null}
      {orders?.map((o) => (
        <View
          key={o.id}
          className="section order-card"
          onClick={() =>
            Taro.navigateTo({ url: `/packages/orders/detail/index?id=${encodeURIComponent(o.id)}` })
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
            <Text className="order-card-total">实付 {formatYuan(o.totalFen)}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
