// Staff and roles (the owner's page): who may use the admin and as what. The permission table
// (which role may do what) is in the README; here the owner adds someone by their OPENID, changes
// a role, or removes them (they lose access at their next call).
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { StaffRole } from '@domain/model';
import { useCloudData } from '../../../hooks/useCloudData';
import { ErrorState, Loading } from '../../../components/StateView';
import { AdminShell } from '../components/AdminShell';
import { adminApi } from '../admin-api';
import '../admin.scss';

const ROLES: { role: StaffRole; text: string; note: string }[] = [
  { role: 'owner', text: '店长', note: '全部权限，管理员工' },
  { role: 'operator', text: '运营', note: '商品、活动、订单与退款、库存' },
  { role: 'warehouse', text: '仓库', note: '只管库存与发货' },
];

function StaffPageContent() {
  const list = useCloudData(() => adminApi.staffList(), []);
  const [openid, setOpenid] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('warehouse');
  const [staff, setStaff] = useState<typeof list.data>(null);
  const shown = staff ?? list.data;

  if (list.error && !shown)
    return (
      <>
        <ErrorState message={list.error} onRetry={list.retry} />
      </>
    );

  const save = async () => {
    const res = await adminApi.saveStaff({ openid, name, role });
    void Taro.showToast({ title: res.ok ? '已保存' : res.message, icon: 'none' });
    if (res.ok) {
      setStaff(res.data);
      setOpenid('');
      setName('');
    }
  };
  const remove = async (who: string) => {
    const { confirm } = await Taro.showModal({
      title: '移除员工',
      content: '移除后对方将无法再使用店铺管理',
    });
    if (!confirm) return;
    const res = await adminApi.removeStaff(who);
    void Taro.showToast({ title: res.ok ? '已移除' : res.message, icon: 'none' });
    if (res.ok) setStaff(res.data);
  };

  return (
    <>
      <Text className="admin-title">员工与权限</Text>
      {!shown ? <Loading /> : null}
      {shown?.map((s) => (
        <View key={s.openid} className="admin-card admin-staff-card">
          <Text>{`${s.name} · ${ROLES.find((r) => r.role === s.role)?.text ?? s.role}`}</Text>
          <Text className="muted">{s.openid}</Text>
          <View className="admin-chip admin-staff-remove" onClick={() => remove(s.openid)}>
            移除
          </View>
        </View>
      ))}
      <Text className="admin-subtitle">添加或修改员工</Text>
      <View className="admin-form">
        <Input
          className="admin-input admin-staff-openid"
          placeholder="OPENID"
          value={openid}
          onInput={(e) => setOpenid(e.detail.value)}
        />
        <Input
          className="admin-input admin-staff-name"
          placeholder="姓名"
          value={name}
          onInput={(e) => setName(e.detail.value)}
        />
      </View>
      <View className="admin-form">
        {ROLES.map((r) => (
          <View
            key={r.role}
            className={`admin-chip${role === r.role ? ' active' : ''}`}
            onClick={() => setRole(r.role)}
          >
            {`${r.text}（${r.note}）`}
          </View>
        ))}
        <View className="btn small admin-staff-save" onClick={save}>
          保存
        </View>
      </View>
    </>
  );
}

// The page's data loads inside the frame: only once the caller is known to be staff (a browser
// may first have to sign in).
export default function StaffPage() {
  return (
    <AdminShell current="staff">
      <StaffPageContent />
    </AdminShell>
  );
}
