// Anyone can check a draw: the order's record (the commitment fixed when it was placed, the seed
// revealed after the draw, the odds, the items skipped for stock) is fetched, and the draw is
// recomputed here, on this device, with the same function the server used.
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { commitmentOf, verifyDraw } from '@domain/blindbox-draw';
import { ErrorState, Loading } from '../../../components/StateView';
import { useCloudData } from '../../../hooks/useCloudData';
import { api } from '../../../services/api';
import '../index.scss';

export default function VerifyPage() {
  const { params } = useRouter();
  const orderId = params.order ?? '';
  const { data: proof, error, retry } = useCloudData(() => api.verifyDraw(orderId), [orderId]);
  if (error && !proof) return <ErrorState message={error} onRetry={retry} />;
  if (!proof) return <Loading />;
  const seedMatches = commitmentOf(proof.seed) === proof.commitment;
  const here = verifyDraw({ ...proof, orderId });
  return (
    <View className="page blindbox-verify">
      <View className="section">
        <Text className={`blindbox-verdict ${here ? 'ok' : 'bad'}`}>
          {here ? '✓ 本机复算结果一致' : '✗ 复算结果不一致'}
        </Text>
        <Text className="blindbox-proof">{`订单：${proof.orderId}`}</Text>
        <Text className="blindbox-proof">{`承诺（下单时）：${proof.commitment}`}</Text>
        <Text className="blindbox-proof">{`种子（开箱后公开）：${proof.seed}`}</Text>
        <Text className="blindbox-proof">{`种子与承诺${seedMatches ? '一致' : '不一致'}`}</Text>
        <Text className="blindbox-proof">{`概率权重：${proof.odds.map((o) => `${o.skuId}×${o.weight}`).join('，')}`}</Text>
        <Text className="blindbox-proof">{`抽中：${proof.skuId}${proof.skipped.length ? `（${proof.skipped.join('、')} 已抽完，按顺序顺延）` : ''}`}</Text>
        <Text className="muted">
          算法：SHA-256(种子:订单号) 前 48
          位对总权重取余，落在按规格编号排序的累计权重区间；也可用项目中的 scripts/verify-draw.ts
          复算。
        </Text>
      </View>
    </View>
  );
}
