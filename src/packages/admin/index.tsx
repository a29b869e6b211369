// The admin's overview: the day's and the last 30 days' numbers (for managers), the sections this
// staff member's role may use (the menu on a phone) and the SKUs that are low on stock.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCloudData } from '../../hooks/useCloudData';
import { AdminShell, visibleSections } from './components/AdminShell';
import type { DashboardView } from '@domain/api/views';
import { formatYuan } from '@domain/money';
import { BarChart } from './components/BarChart';
import { adminApi } from './admin-api';
import './admin.scss';

function AdminHomePageContent() {
  const me = useCloudData(() => adminApi.whoami(), []);
  const low = useCloudData(() => adminApi.skus({ lowOnly: true }), []);
  const canSeeNumbers = !!me.data?.actions.includes('dashboard');
  const numbers = useCloudData<DashboardView | null>(
    async () => (canSeeNumbers ? adminApi.dashboard(30) : { ok: true, data: null }),
    [canSeeNumbers],
  );
  return (
    <>
      <Text className="admin-title">店铺管理</Text>
      <View className="admin-sections">
        {me.data
          ? visibleSections(me.data)
              .filter((s) => s.key !== 'home')
              .map((s) => (
                <View
                  key={s.key}
                  className="admin-card admin-section-link"
                  onClick={() => Taro.navigateTo({ url: s.url })}
                >
                  {s.title} ›
                </View>
              ))
          : null}
      </View>
      {numbers.data ? <Numbers view={numbers.data} /> : null}
      <Text className="admin-subtitle">库存不足</Text>
      {low.data?.skus.length === 0 ? <Text className="muted">没有库存不足的商品</Text> : null}
      {low.data?.skus.map((s) => (
        <View
          key={s.id}
          className="admin-card admin-low-item"
          onClick={() => Taro.navigateTo({ url: `/packages/admin/sku/index?id=${s.id}` })}
        >
          <Text>{`${s.title} ${s.specText}`}</Text>
          <Text className="admin-low">{`在库 ${s.inHand} · 可售 ${s.sellable}（低于 ${s.lowStockThreshold}）`}</Text>
        </View>
      ))}
    </>
  );
}

// The page's data loads inside the frame: only once the caller is known to be staff (a browser
// may first have to sign in).
export default function AdminHomePage() {
  return (
    <AdminShell current="home">
      <AdminHomePageContent />
    </AdminShell>
  );
}

function Numbers({ view }: { view: DashboardView }) {
  const figures = [
    ['今日订单', String(view.today.orders)],
    ['今日销售额', formatYuan(view.today.revenueFen)],
    ['今日客单价', formatYuan(view.today.averageFen)],
    ['今日新客', String(view.today.newBuyers)],
    ['30 天订单', String(view.period.orders)],
    ['30 天销售额', formatYuan(view.period.revenueFen)],
  ];
  return (
    <View className="admin-numbers">
      <View className="admin-figures">
        {figures.map(([label, value]) => (
          <View key={label} className="admin-card admin-figure">
            <Text className="muted">{label}</Text>
            <Text className="admin-figure-value">{value}</Text>
          </View>
        ))}
      </View>
      <Text className="admin-subtitle">近 30 天销售额</Text>
      <View className="admin-card">
        <BarChart
          values={view.days.map((d) => d.revenueFen)}
          labels={view.days.map((d) => d.day.slice(5))}
          format={(n) => formatYuan(n as DashboardView['today']['revenueFen'])}
        />
      </View>
      <Text className="admin-subtitle">热销商品（30 天）</Text>
      {view.topProducts.map((p) => (
        <View key={p.productId} className="admin-card admin-top-product">
          <Text>{p.title}</Text>
          <Text className="muted">{`${p.units} 件 · ${formatYuan(p.revenueFen)}`}</Text>
        </View>
      ))}
    </View>
  );
}
