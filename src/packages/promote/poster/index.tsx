// A product's or a group's poster for sharing outside chats: drawn on a canvas (draw.ts) with the sharer's QR
// code (share.poster makes it once), shown as a picture, saved to the album (WeChat) or
// downloaded (browser). Whoever scans it is brought by the sharer, as with a link.
import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Canvas, Image, Text, View } from '@tarojs/components';
import type { PosterView } from '@domain/api/views';
import { api } from '../../../services/api';
import { useCloudData } from '../../../hooks/useCloudData';
import { ErrorState, Loading } from '../../../components/StateView';
import { drawPoster, POSTER } from './draw';
import './index.scss';

const CANVAS_ID = 'poster-canvas';

export default function PosterPage() {
  const { params } = useRouter();
  const productId = params.productId ?? '';
  const groupId = params.groupId ?? '';
  const poster = useCloudData(
    () => api.poster(groupId ? { groupId } : { productId }),
    [productId, groupId],
    { refreshOnShow: false },
  );
  const [picture, setPicture] = useState('');
  const [drawError, setDrawError] = useState('');

  useEffect(() => {
    if (!poster.data || picture) return;
    const data = poster.data;
    const render = process.env.TARO_ENV === 'h5' ? renderInBrowser : renderInWeChat;
    render(data).then(setPicture, (e: Error) => setDrawError(e.message || '海报生成失败'));
  }, [poster.data, picture]);

  if (poster.error && !poster.data)
    return <ErrorState message={poster.error} onRetry={poster.retry} />;
  if (drawError) return <ErrorState message={drawError} />;

  return (
    <View className="page poster">
      {process.env.TARO_ENV === 'h5' ? null : (
        <Canvas
          type="2d"
          id={CANVAS_ID}
          className="poster-canvas"
          style={{ width: `${POSTER.width / 2}px`, height: `${POSTER.height / 2}px` }}
        />
      )}
      {picture ? (
        <>
          <Image className="poster-picture" src={picture} mode="aspectFit" showMenuByLongpress />
          <View className="btn poster-save" onClick={() => void save(picture)}>
            {process.env.TARO_ENV === 'h5' ? '下载海报' : '保存到相册'}
          </View>
          <Text className="muted poster-hint">
            好友扫码进入本店，下单后你可获得佣金；分享本身没有奖励
          </Text>
        </>
      ) : (
        <Loading text="海报生成中…" />
      )}
    </View>
  );
}

/** Browser: a DOM canvas; pictures load with CORS so the canvas can be exported. */
async function renderInBrowser(data: PosterView): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = POSTER.width;
  canvas.height = POSTER.height;
  const ctx = canvas.getContext('2d')!;
  await drawPoster(ctx, data, (url) => {
    const img = new window.Image();
    img.crossOrigin = 'anonymous';
    return new Promise((resolve) => {
      img.onload = () => resolve(img);
      img.onerror = () => resolve(null);
      img.src = url;
    });
  });
  return canvas.toDataURL('image/png');
}

/** WeChat: the page's <canvas type="2d"> node, then a temporary file of it. */
async function renderInWeChat(data: PosterView): Promise<string> {
  await new Promise((r) => Taro.nextTick(r));
  const node = await new Promise<any>((resolve) =>
    Taro.createSelectorQuery()
      .select(`#${CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((res) => resolve(res[0]?.node)),
  );
  if (!node) throw new Error('海报生成失败');
  node.width = POSTER.width;
  node.height = POSTER.height;
  const ctx = node.getContext('2d');
  await drawPoster(ctx, data, (url) => {
    const img = node.createImage();
    return new Promise((resolve) => {
      img.onload = () => resolve(img);
      img.onerror = () => resolve(null);
      img.src = url;
    });
  });
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: node } as never);
  return tempFilePath;
}

async function save(picture: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const link = document.createElement('a');
    link.href = picture;
    link.download = 'poster.png';
    link.click();
    return;
  }
  try {
    await Taro.saveImageToPhotosAlbum({ filePath: picture });
    void Taro.showToast({ title: '已保存到相册' });
  } catch {
    // Refused before: WeChat asks only once; the settings page can allow it again.
    const { confirm } = await Taro.showModal({
      title: '无法保存',
      content: '请允许保存到相册后重试',
      confirmText: '去设置',
    });
    if (confirm) void Taro.openSetting();
  }
}
