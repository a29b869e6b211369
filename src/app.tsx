// The app shell: on launch, connect to the cloud and sign the user in with where they came from
// (a share's ref or a QR code's scene), so attribution sees every entry.
import { type PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import { initCloud } from './services/cloud';
import { userStore } from './stores/user';
import { cartStore } from './stores/cart';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch((options) => {
    initCloud();
    const query = (options?.query ?? {}) as Record<string, string | undefined>;
    // A QR code from wxacode.getUnlimited arrives as an encoded `scene` query.
    const scene = query.scene ? decodeURIComponent(query.scene) : undefined;
    void userStore
      .login({ ref: query.ref, scene, path: options?.path })
      .then(() => cartStore.load());
    Taro.setNavigationBarTitle({ title: '拾光小铺' }).catch(() => undefined);
  });
  return children;
}

export default App;
