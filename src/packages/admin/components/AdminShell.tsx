import type { PropsWithChildren } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { StaffMeView } from '@domain/api/views';
import { useCloudData } from '../../../hooks/useCloudData';
import { ErrorState, Loading } from '../../../components/StateView';
import { adminApi } from '../admin-api';
import { sessionToken, signinApi } from '../session';
import { SigninPanel } from './SigninPanel';
import './AdminShell.scss';
import './AdminDesktop.scss';

/** The admin's sections, each shown to the roles whose actions it needs. */
export const SECTIONS = [
  { key: 'home', title: '概览', url: '/packages/admin/index', needs: 'whoami' },
  { key: 'orders', title: '订单', url: '/packages/admin/orders/index', needs: 'orders' },
  {
    key: 'afterSales',
    title: '售后',
    url: '/packages/admin/after-sales/index',
    needs: 'afterSales',
  },
  { key: 'products', title: '商品', url: '/packages/admin/products/index', needs: 'products' },
  { key: 'campaigns', title: '活动', url: '/packages/admin/campaigns/index', needs: 'campaigns' },
  { key: 'groups', title: '拼团', url: '/packages/admin/groups/index', needs: 'groups' },
  {
    key: 'blindboxes',
    title: '盲盒',
    url: '/packages/admin/blindboxes/index',
    needs: 'blindBoxes',
  },
  {
    key: 'presales',
    title: '预售',
    url: '/packages/admin/presales/index',
    needs: 'compensations',
  },
  { key: 'stock', title: '库存', url: '/packages/admin/stock/index', needs: 'skus' },
  { key: 'import', title: '批量导入', url: '/packages/admin/import/index', needs: 'bulkStock' },
  {
    key: 'distribution',
    title: '分销',
    url: '/packages/admin/distribution/index',
    needs: 'distributors',
  },
  {
    key: 'withdrawals',
    title: '提现',
    url: '/packages/admin/withdrawals/index',
    needs: 'withdrawals',
  },
  {
    key: 'channels',
    title: '渠道码',
    url: '/packages/admin/channels/index',
    needs: 'channelCodes',
  },
  { key: 'notices', title: '通知', url: '/packages/admin/notices/index', needs: 'noticeTemplates' },
  { key: 'staff', title: '员工与权限', url: '/packages/admin/staff/index', needs: 'staffList' },
] as const;

const ROLE_TEXT: Record<string, string> = { owner: '店长', operator: '运营', warehouse: '仓库' };

/**
 * Every admin page's frame: who is signed in, and the sections their role may use. On a desktop
 * browser (1024 px and wider) the sections are a side menu beside the page; on a phone they are
 * the overview's list. Everyone else is told they have no access (every action refuses them too).
 */
export function AdminShell({
  current,
  children,
}: PropsWithChildren<{ current: (typeof SECTIONS)[number]['key'] }>) {
  const { data: me, error, code, retry } = useCloudData(() => adminApi.whoami(), []);
  const notStaff = code === 'FORBIDDEN' || code === 'NOT_LOGGED_IN' || code === 'SESSION_INVALID';
  // A browser signs in by scanning a QR code with the mini-program (a staff session).
  if (notStaff && process.env.TARO_ENV === 'h5' && !sessionToken())
    return (
      <View className="admin-signin">
        <ErrorState message="只有店铺员工可以使用店铺管理" />
        <SigninPanel onSignedIn={retry} />
      </View>
    );
  if (notStaff) return <ErrorState message="只有店铺员工可以使用店铺管理" />;
  if (error && !me) return <ErrorState message={error} onRetry={retry} />;
  if (!me) return <Loading />;
  return (
    <View className="admin">
      <View className="admin-menu">
        <Text className="admin-menu-who">{`${me.name} · ${ROLE_TEXT[me.role] ?? me.role}`}</Text>
        {sessionToken() ? (
          <View
            className="admin-menu-item admin-signout"
            onClick={() => void signinApi.signOut().then(retry)}
          >
            退出登录
          </View>
        ) : null}
        {visibleSections(me).map((s) => (
          <View
            key={s.key}
            className={`admin-menu-item${s.key === current ? ' active' : ''}`}
            onClick={() => s.key !== current && Taro.redirectTo({ url: s.url })}
          >
            {s.title}
          </View>
        ))}
      </View>
      <View className="admin-main">{children}</View>
    </View>
  );
}

export function visibleSections(me: StaffMeView) {
  return SECTIONS.filter((s) => me.actions.includes(s.needs));
}
