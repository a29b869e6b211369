// 盲盒: each blind-box campaign's pool (value, weight, stock set aside and left per item), the odds
// each buyer segment sees now (the tuning, previewed), and the latest draws. Pools are edited on
// the campaign form (活动).
import { Text, View } from '@tarojs/components';
import { formatYuan } from '@domain/money';
import { useCloudData } from '../../../hooks/useCloudData';
import { ErrorState, Loading } from '../../../components/StateView';
import { AdminShell } from '../components/AdminShell';
import { adminApi } from '../admin-api';
import '../admin.scss';

const SEGMENTS: Record<string, string> = {
  HIGH_VALUE: '高价值',
  LOW_FREQUENCY: '低频',
  LAPSED: '流失回归',
  REGULAR: '普通',
};
const percent = (ppm: number | undefined) => `${((ppm ?? 0) / 10_000).toFixed(1)}%`;

function BlindBoxesContent() {
  const list = useCloudData(() => adminApi.blindBoxes(), []);
  if (list.error && !list.data) return <ErrorState message={list.error} onRetry={list.retry} />;
  if (!list.data) return <Loading />;
  return (
    <>
      <Text className="admin-title">盲盒</Text>
      {list.data.length === 0 ? <Text className="muted">没有进行中的盲盒活动</Text> : null}
      {list.data.map((b) => (
        <View key={b.campaignId} className="admin-card admin-blindbox">
          <Text>{`${b.title} · ${formatYuan(b.boxFen)}`}</Text>
          {b.pool.map((i) => (
            <Text key={i.skuId} className="muted admin-blindbox-item">
              {`${i.top ? '【大奖】' : ''}${i.skuId} · 价值 ${formatYuan(i.valueFen)} · 权重 ${i.weight} · 剩余 ${i.left}/${i.stock} · ${b.oddsBySegment
                .map((s) => `${SEGMENTS[s.segment]} ${percent(s.ppm[i.skuId])}`)
                .join(' / ')}`}
            </Text>
          ))}
          <Text className="admin-blindbox-draws">{`最近抽取 ${b.draws.length} 次`}</Text>
          {b.draws.slice(0, 10).map((d) => (
            <Text key={d.orderId} className="muted">
              {`${new Date(d.at).toLocaleString('zh-CN')} · ${d.orderId} → ${d.skuId}${d.skipped.length ? `（顺延 ${d.skipped.join('、')}）` : ''}`}
            </Text>
          ))}
        </View>
      ))}
    </>
  );
}

export default function AdminBlindBoxesPage() {
  return (
    <AdminShell current="blindboxes">
      <BlindBoxesContent />
    </AdminShell>
  );
}
