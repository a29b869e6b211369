// 渠道码: QR codes for places the shop reaches people (a store counter, a parcel card, an ad),
// each with a name. Whoever enters through one is tagged with its channel (their first touch), so
// staff see each channel's scans, new users and paid orders. Codes are made once (WeChat limits
// how often) and can be downloaded as PNG for printing.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Input, Text, View } from '@tarojs/components';
import type { ChannelCodeView } from '@domain/api/views';
import { formatYuan } from '@domain/money';
import { useCloudData } from '../../../hooks/useCloudData';
import { ErrorState, Loading } from '../../../components/StateView';
import { AdminShell } from '../components/AdminShell';
import { adminApi } from '../admin-api';
import '../admin.scss';

function ChannelsContent() {
  const list = useCloudData(() => adminApi.channelCodes(), []);
  const [channel, setChannel] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (busy) return;
    setBusy(true);
    const res = await adminApi.saveChannelCode(channel.trim(), name.trim());
    setBusy(false);
    void Taro.showToast({ title: res.ok ? '已生成' : res.message, icon: 'none' });
    if (res.ok) {
      setChannel('');
      setName('');
      await list.refresh();
    }
  };

  return (
    <>
      <Text className="admin-title">渠道码</Text>
      <View className="admin-form">
        <Input
          className="admin-input admin-channel-id"
          placeholder="渠道编码，如 store-12"
          value={channel}
          onInput={(e) => setChannel(e.detail.value)}
        />
        <Input
          className="admin-input admin-channel-name"
          placeholder="名称，如 门店收银台"
          value={name}
          onInput={(e) => setName(e.detail.value)}
        />
        <View className="btn small admin-channel-save" onClick={save}>
          生成渠道码
        </View>
      </View>
      {list.error && !list.data ? <ErrorState message={list.error} onRetry={list.retry} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data?.length === 0 ? <Text className="muted">还没有渠道码</Text> : null}
      {list.data?.map((c) => (
        <ChannelCard key={c.scene} code={c} />
      ))}
    </>
  );
}

function ChannelCard({ code }: { code: ChannelCodeView }) {
  const download = () => {
    if (process.env.TARO_ENV === 'h5') {
      const link = document.createElement('a');
      link.href = code.url;
      link.download = `${code.channel}.png`;
      link.click();
      return;
    }
    void Taro.previewImage({ urls: [code.url] }); // long-press there to save
  };
  return (
    <View className="admin-card admin-channel-card">
      {code.url ? <Image className="admin-channel-code" src={code.url} mode="aspectFit" /> : null}
      <View className="admin-channel-figures">
        <Text>{`${code.name}（${code.channel}）`}</Text>
        <Text className="admin-channel-stats">
          {`扫码 ${code.scans} 次 · 新用户 ${code.newUsers} · 付款订单 ${code.orders} · ${formatYuan(code.paidFen)}`}
        </Text>
        <View className="admin-chip admin-channel-download" onClick={download}>
          下载 PNG
        </View>
      </View>
    </View>
  );
}

export default function ChannelsPage() {
  return (
    <AdminShell current="channels">
      <ChannelsContent />
    </AdminShell>
  );
}
