// 我的拼团: the groups the shopper opened or joined, newest first, each opening its page.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CloudImage } from '../../../components/CloudImage';
import { Empty, ErrorState, Loading } from '../../../components/StateView';
import { useCloudData } from '../../../hooks/useCloudData';
import { api } from '../../../services/api';
import '../index.scss';

export default function MyGroupsPage() {
  const { data, error, retry } = useCloudData(() => api.myGroups(), []);
  if (error && !data) return <ErrorState message={error} onRetry={retry} />;
  if (!data) return <Loading />;
  if (!data.items.length)
    return (
      <Empty
        text="还没有参加过拼团"
        action="去逛逛"
        onAction={() => Taro.switchTab({ url: '/pages/home/index' })}
      />
    );
  return (
    <View className="page my-groups">
      {data.items.map((g) => (
        <View
          key={g.id}
          className="section group-row"
          onClick={() =>
            Taro.navigateTo({ url: `/packages/group/index?id=${encodeURIComponent(g.id)}` })
          }
        >
          <CloudImage className="group-row-image" src={g.image} mode="aspectFill" />
          <View className="group-row-info">
            <Text className="group-title">{g.title}</Text>
            <Text className="muted">{g.tiersText}</Text>
            <Text className={`group-status status-${g.status.toLowerCase()}`}>
              {`${g.statusText} · ${g.paidCount}/${g.maxSize} 人`}
            </Text>
          </View>
        </View>
      ))}
    </View>
  );
}
