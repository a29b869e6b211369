// The admin's overview: the sections this staff member's role may use (the menu on a phone) and
// the SKUs that are low on stock, with what is still sellable.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCloudData } from '../../hooks/useCloudData';
import { AdminShell, visibleSections } from './components/AdminShell';
import { adminApi } from './admin-api';
import './admin.scss';

function AdminHomePageContent() {
  const me = useCloudData(() => adminApi.whoami(), []);
  const low = useCloudData(() => adminApi.skus({ lowOnly: true }), []);
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
