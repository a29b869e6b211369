// The user's page: who they are (new user or regular, paid orders, staff role), order
// shortcuts, and in the browser build a switch between demo users.
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { formatYuan, type Fen } from '@domain/money';
import type { OrderStatus } from '@domain/model';
import { userStore } from '../../stores/user';
import { DEMO_USERS, currentDemoUserId, switchDemoUser } from '../../services/demo-users';
import { ErrorState, Loading } from '../../components/StateView';
import './index.scss';

const SHORTCUTS: { status?: OrderStatus; label: string; icon: string }[] = [
  { status: 'UNPAID', label: '待付款', icon: '付' },
  { status: 'PAID', label: '待发货', icon: '发' },
  { status: 'SHIPPED', label: '待收货', icon: '收' },
  { status: 'COMPLETED', label: '已完成', icon: '完' },
  { label: '全部订单', icon: '全' },
];

const ROLE_TEXT: Record<string, string> = { owner: '店长', operator: '运营', warehouse: '仓库' };

function MePage() {
  useDidShow(() => {
    void userStore.ready().then(() => userStore.refresh());
  });
  usePullDownRefresh(() => {
    void userStore.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  const user = userStore.user;
  const me = userStore.me;
  if (!user && userStore.error)
    return <ErrorState message={userStore.error} onRetry={() => userStore.retry()} />;
  if (!user) return <Loading />;

  const openOrders = (status?: OrderStatus) =>
    Taro.navigateTo({ url: `/packages/orders/list/index${status ? `?status=${status}` : ''}` });

  return (
    <View className="page me">
      <View className="me-card">
        <View className="me-avatar">{user.nickname.slice(0, 1)}</View>
        <View className="me-who">
          <Text className="me-name">{user.nickname}</Text>
          <View className="me-badges">
            {user.isNewUser ? (
              <Text className="me-badge new-user">新人</Text>
            ) : (
              <Text className="me-badge">已购 {user.paidOrderCount} 单</Text>
            )}
            {me?.staffRole ? (
              <Text className="me-badge staff">{ROLE_TEXT[me.staffRole] ?? '员工'}</Text>
            ) : null}
          </View>
        </View>
        <View className="me-growth">
          <Text className="me-growth-value">{formatYuan(user.paidTotalFen)}</Text>
          <Text className="me-growth-label">累计消费</Text>
        </View>
      </View>

      <View className="section me-tier">
        <View className="me-tier-head">
          <Text className="me-tier-name">{user.tier.name}</Text>
          <Text className="muted">
            {user.tier.nextName
              ? `再消费 ${formatYuan(user.tier.toNextFen as Fen)} 升级${user.tier.nextName}`
              : '已是最高等级'}
          </Text>
        </View>
        <View className="me-tier-bar">
          <View
            className="me-tier-bar-fill"
            style={{ width: `${Math.round(user.tier.ratio * 100)}%` }}
          />
        </View>
      </View>

      <View className="section me-links">
        {me?.staffRole ? (
          <View
            className="me-link me-admin"
            onClick={() => Taro.navigateTo({ url: '/packages/admin/index' })}
          >
            <Text>店铺管理</Text>
            <Text className="muted">›</Text>
          </View>
        ) : null}
        <View
          className="me-link me-promote"
          onClick={() => Taro.navigateTo({ url: '/packages/promote/index' })}
        >
          <Text>我的推广</Text>
          <Text className="muted">邀请好友 · 佣金 ›</Text>
        </View>
        <View
          className="me-link me-groups"
          onClick={() => Taro.navigateTo({ url: '/packages/group/mine/index' })}
        >
          <Text>我的拼团</Text>
          <Text className="muted">›</Text>
        </View>
        <View
          className="me-link"
          onClick={() => Taro.navigateTo({ url: '/packages/coupons/mine/index' })}
        >
          <Text>我的优惠券</Text>
          <Text className="muted">{me?.couponCount ? `${me.couponCount} 张可用` : ''} ›</Text>
        </View>
        <View
          className="me-link"
          onClick={() => Taro.navigateTo({ url: '/packages/coupons/center/index' })}
        >
          <Text>领券中心</Text>
          <Text className="muted">›</Text>
        </View>
      </View>

      <View className="section">
        <Text className="section-title">我的订单</Text>
        <View className="me-shortcuts">
          {SHORTCUTS.map((s) => (
            <View key={s.label} className="me-shortcut" onClick={() => openOrders(s.status)}>
              <View className="me-shortcut-icon">{s.icon}</View>
              <Text className="me-shortcut-label">{s.label}</Text>
            </View>
          ))}
        </View>
      </View>

      {process.env.TARO_ENV === 'h5' ? <DemoSwitcher /> : null}
    </View>
  );
}

/** Browser build only: try the shop as another kind of user. */
function DemoSwitcher() {
  const current = currentDemoUserId();
  return (
    <View className="section me-demo">
      <Text className="section-title">演示身份（本地云）</Text>
      <Text className="muted me-demo-note">
        切换身份后重新进入，体验新用户、老顾客和店长的不同视角
      </Text>
      <View className="me-demo-list">
        {DEMO_USERS.map((u) => (
          <View
            key={u.id}
            className={`me-demo-user${u.id === current ? ' active' : ''}`}
            onClick={() => {
              switchDemoUser(u);
              window.location.hash = '#/pages/home/index';
              window.location.reload();
            }}
          >
            {u.label}
          </View>
        ))}
      </View>
    </View>
  );
}

export default observer(MePage);
