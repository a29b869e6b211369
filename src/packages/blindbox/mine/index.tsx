// 我的盲盒: each box with its odds (what was removed, for a fission box), its result with a light
// opening animation the first time, and the link to its proof. A fission box's buyer removes
// options their invited friends' boxes earned, then opens it.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MyBoxView } from '@domain/api/views';
import { Empty, ErrorState, Loading } from '../../../components/StateView';
import { useCloudData } from '../../../hooks/useCloudData';
import { api } from '../../../services/api';
import '../index.scss';

const percent = (ppm: number) => `${(ppm / 10_000).toFixed(2)}%`;

function BoxCard({
  box,
  reveal,
  onChange,
}: {
  box: MyBoxView;
  reveal: boolean;
  onChange: () => void;
}) {
  const [opening, setOpening] = useState(reveal);
  const remove = async (skuId: string) => {
    const res = await api.removeBoxOption(box.orderId, skuId);
    if (!res.ok) return Taro.showToast({ title: res.message, icon: 'none' });
    onChange();
  };
  const open = async () => {
    setOpening(true);
    const res = await api.openBox(box.orderId);
    if (!res.ok) return Taro.showToast({ title: res.message, icon: 'none' });
    onChange();
  };
  return (
    <View className="section blindbox-card">
      <Text className="muted">{`${box.statusText} · ${new Date(box.createdAt).toLocaleString('zh-CN')}`}</Text>
      {box.result ? (
        <View
          className={`blindbox-result${opening ? ' opening' : ''}`}
          onAnimationEnd={() => setOpening(false)}
        >
          <Text className="blindbox-result-title">{`开出：${box.result.title}`}</Text>
        </View>
      ) : null}
      {box.options.map((o) => (
        <View key={o.skuId} className={`blindbox-item${o.removed ? ' removed' : ''}`}>
          <Text className="blindbox-item-title">{o.title}</Text>
          <Text className="blindbox-item-odds">{o.removed ? '已去掉' : percent(o.ppm)}</Text>
          {box.removalsLeft > 0 && !o.removed ? (
            <View className="admin-chip blindbox-remove" onClick={() => remove(o.skuId)}>
              去掉
            </View>
          ) : null}
        </View>
      ))}
      {box.fission && !box.result ? (
        <Text className="muted">{`已邀请 ${box.friends} 位好友买盒，还可去掉 ${box.removalsLeft} 个选项`}</Text>
      ) : null}
      {box.canOpen ? (
        <View className="btn blindbox-open" onClick={open}>
          开箱
        </View>
      ) : null}
      {box.result ? (
        <View
          className="btn soft blindbox-verify-link"
          onClick={() =>
            Taro.navigateTo({
              url: `/packages/blindbox/verify/index?order=${encodeURIComponent(box.orderId)}`,
            })
          }
        >
          验证这次抽取
        </View>
      ) : null}
    </View>
  );
}

export default function MyBoxesPage() {
  const { params } = useRouter();
  const { data, error, retry, refresh } = useCloudData(() => api.myBoxes(), []);
  if (error && !data) return <ErrorState message={error} onRetry={retry} />;
  if (!data) return <Loading />;
  if (!data.length) return <Empty text="还没有盲盒" />;
  return (
    <View className="page blindbox-mine">
      {data.map((b) => (
        <BoxCard
          key={b.orderId}
          box={b}
          reveal={params.open === b.orderId}
          onChange={() => void refresh()}
        />
      ))}
    </View>
  );
}
