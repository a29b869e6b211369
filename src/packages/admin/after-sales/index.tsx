// The after-sale queue: buyers' open requests, oldest first; each opens its order, where staff
// refund it (which answers the request) or turn it down with a reason.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatYuan } from '@domain/money';
import { useCloudData } from '../../../hooks/useCloudData';
import { Empty, ErrorState, Loading } from '../../../components/StateView';
import { AdminShell } from '../components/AdminShell';
import { adminApi } from '../admin-api';
import '../admin.scss';

function AfterSalesContent() {
  const queue = useCloudData(() => adminApi.afterSales(), []);
  if (queue.error && !queue.data) return <ErrorState message={queue.error} onRetry={queue.retry} />;
  if (!queue.data) return <Loading />;
  return (
    <>
      <Text className="admin-title">售后</Text>
      {queue.data.length === 0 ? <Empty text="没有待处理的售后申请" /> : null}
      {queue.data.map((o) => (
        <View
          key={o.id}
          className="admin-card admin-after-sale-item"
          onClick={() =>
            Taro.navigateTo({ url: `/packages/admin/order/index?id=${encodeURIComponent(o.id)}` })
          }
        >
          <Text>{`${o.afterSale?.reason ?? ''}${o.afterSale?.detail ? `：${o.afterSale.detail}` : ''}`}</Text>
          <Text className="muted">{`${o.id} · ${formatYuan(o.totalFen)} · ${o.address.name} ${o.address.phone}`}</Text>
        </View>
      ))}
    </>
  );
}

export default function AdminAfterSalesPage() {
  return (
    <AdminShell current="afterSales">
      <AfterSalesContent />
    </AdminShell>
  );
}
