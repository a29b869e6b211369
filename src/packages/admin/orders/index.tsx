// Orders for staff: search by order number or the buyer's phone, filter by status and date; a
// table on a desktop, cards on a phone; an order opens its page (ship, refund). Many orders can
// be shipped at once from pasted lines `订单号,快递公司,运单号`.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import type { AdminOrderListView } from '@domain/api/views';
import type { OrderStatus } from '@domain/model';
import { formatYuan } from '@domain/money';
import { usePagedCloudData } from '../../../hooks/usePagedCloudData';
import { Empty, ErrorState, Loading } from '../../../components/StateView';
import { AdminShell } from '../components/AdminShell';
import { DataTable, type Column } from '../components/DataTable';
import { adminApi } from '../admin-api';
import '../admin.scss';

type Row = AdminOrderListView['orders'][number];
/** The statuses staff filter by (an order being created is not one). */
type ListedStatus = Exclude<OrderStatus, 'CREATING'>;

const STATUSES: { status?: ListedStatus; label: string }[] = [
  { label: '全部' },
  { status: 'PAID', label: '待发货' },
  { status: 'UNPAID', label: '待付款' },
  { status: 'SHIPPED', label: '已发货' },
  { status: 'COMPLETED', label: '已完成' },
  { status: 'REFUNDING', label: '退款中' },
  { status: 'REFUNDED', label: '已退款' },
  { status: 'CANCELLED', label: '已取消' },
];

const time = (at: number) => new Date(at).toLocaleString('zh-CN', { hour12: false });
const open = (o: Row) =>
  Taro.navigateTo({ url: `/packages/admin/order/index?id=${encodeURIComponent(o.id)}` });

const COLUMNS: Column<Row>[] = [
  { key: 'id', title: '订单号', value: (o) => o.id },
  {
    key: 'createdAt',
    title: '下单时间',
    value: (o) => o.createdAt,
    render: (o) => time(o.createdAt),
  },
  { key: 'buyer', title: '收货人', value: (o) => `${o.name} ${o.phone}` },
  {
    key: 'items',
    title: '商品',
    value: (o) => o.lines.map((l) => `${l.title}×${l.qty}`).join('，'),
  },
  { key: 'total', title: '金额', value: (o) => o.totalFen, render: (o) => formatYuan(o.totalFen) },
  {
    key: 'status',
    title: '状态',
    // A group order waiting for its group is not to be shipped yet.
    value: (o) => (o.group?.state === 'WAITING' ? `${o.statusText}（拼团中）` : o.statusText),
  },
];

/** Local day boundaries from a YYYY-MM-DD text (China time, as staff mean it). */
function dayStart(text: string): number | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00+08:00`) : undefined;
}

function OrdersContent() {
  const [keyword, setKeyword] = useState('');
  const [filters, setFilters] = useState<{
    keyword?: string;
    status?: ListedStatus;
    from?: string;
    to?: string;
  }>({
    status: 'PAID',
  });
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [bulk, setBulk] = useState('');
  const [bulkResults, setBulkResults] = useState<string[]>([]);
  const list = usePagedCloudData<Row>(
    async (cursor) => {
      const start = dayStart(filters.from ?? '');
      const end = dayStart(filters.to ?? '');
      const res = await adminApi.orders({
        ...(filters.keyword ? { keyword: filters.keyword } : {}),
        ...(filters.status ? { status: filters.status } : {}),
        ...(start !== undefined ? { from: start } : {}),
        ...(end !== undefined ? { to: end + 24 * 3_600_000 } : {}),
        cursor: cursor ?? 0,
      });
      return res.ok
        ? { ok: true, data: { items: res.data.orders, nextCursor: res.data.nextCursor } }
        : res;
    },
    [filters],
  );
  const search = () => setFilters({ ...filters, keyword: keyword.trim() || undefined, from, to });

  const shipMany = async () => {
    const rows = bulk
      .split(/\r?\n/)
      .map((l) => l.split(/[,，\t]/).map((c) => c.trim()))
      .filter((c) => c[0] && !/订单/.test(c[0]))
      .map(([orderId, company, trackingNo]) => ({
        orderId,
        company: company ?? '',
        trackingNo: trackingNo ?? '',
      }));
    if (!rows.length)
      return Taro.showToast({ title: '请粘贴 订单号,快递公司,运单号', icon: 'none' });
    const res = await adminApi.bulkShip({ rows });
    if (!res.ok) return setBulkResults([res.message]);
    setBulkResults(res.data.results.map((r) => `第 ${r.row} 行 ${r.orderId}：${r.message}`));
    await list.refresh();
  };

  const orders = list.items;
  return (
    <>
      <Text className="admin-title">订单</Text>
      <View className="admin-toolbar">
        <Input
          className="admin-input admin-order-search"
          placeholder="订单号或手机号"
          value={keyword}
          onInput={(e) => setKeyword(e.detail.value)}
          onConfirm={search}
        />
        <Input
          className="admin-input admin-from"
          placeholder="开始日期 2026-11-01"
          value={from}
          onInput={(e) => setFrom(e.detail.value)}
        />
        <Input
          className="admin-input admin-to"
          placeholder="结束日期 2026-11-30"
          value={to}
          onInput={(e) => setTo(e.detail.value)}
        />
        <View className="admin-chip admin-order-search-go" onClick={search}>
          搜索
        </View>
      </View>
      <View className="admin-toolbar">
        {STATUSES.map((s) => (
          <View
            key={s.label}
            className={`admin-chip${filters.status === s.status ? ' active' : ''}`}
            onClick={() => setFilters({ ...filters, status: s.status })}
          >
            {s.label}
          </View>
        ))}
      </View>
      {list.error && !orders ? <ErrorState message={list.error} onRetry={list.retry} /> : null}
      {!list.error && (!orders || list.loading) ? <Loading /> : null}
      {orders && !list.loading && orders.length === 0 ? <Empty text="没有符合条件的订单" /> : null}
      {orders && !list.loading && orders.length > 0 ? (
        <>
          <DataTable columns={COLUMNS} rows={orders} rowKey={(o) => o.id} onRow={open} />
          <View className="admin-cards">
            {orders.map((o) => (
              <View key={o.id} className="admin-card admin-order-card" onClick={() => open(o)}>
                <Text>{`${o.statusText}${o.group?.state === 'WAITING' ? '（拼团中）' : ''} · ${formatYuan(o.totalFen)} · ${o.name} ${o.phone}`}</Text>
                <Text className="muted">{`${o.id} · ${time(o.createdAt)}`}</Text>
              </View>
            ))}
          </View>
          {list.hasMore ? (
            <View className="admin-chip" onClick={() => void list.loadMore()}>
              {list.loadingMore ? '加载中…' : '加载更多'}
            </View>
          ) : null}
        </>
      ) : null}
      <Text className="admin-subtitle">批量发货</Text>
      <Textarea
        className="admin-card admin-bulk-ship"
        value={bulk}
        maxlength={-1}
        placeholder="每行：订单号,快递公司,运单号"
        onInput={(e) => setBulk(e.detail.value)}
      />
      <View className="btn small admin-bulk-ship-go" onClick={shipMany}>
        批量发货
      </View>
      {bulkResults.map((r) => (
        <Text key={r} className="admin-error admin-bulk-result">
          {r}
        </Text>
      ))}
    </>
  );
}

export default function AdminOrdersPage() {
  return (
    <AdminShell current="orders">
      <OrdersContent />
    </AdminShell>
  );
}
