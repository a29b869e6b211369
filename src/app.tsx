// The app shell: on launch, connect to the cloud; on every show (launch included), sign the user
// in with where they came from (a share's ref or a QR code's scene), so attribution sees warm
// entries from a share card or a scanned code too, not only the first launch.
import { type PropsWithChildren } from 'react';
import { useDidShow, useLaunch } from '@tarojs/taro';
import { initCloud } from './services/cloud';
import { userStore } from './stores/user';
import { cartStore } from './stores/cart';
import './app.scss';

type EntryOptions = { query?: Record<string, string | undefined>; path?: string } | undefined;

function entryFrom(options: EntryOptions) {
  const query = options?.query ?? {};
  // A QR code from wxacode.getUnlimited arrives as an encoded `scene` query.
  const scene = query.scene ? decodeURIComponent(query.scene) : undefined;
  return { ref: query.ref, scene, path: options?.path };
}

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initCloud();
  });
  useDidShow((options: EntryOptions) => {
    const entry = entryFrom(options);
    // The first show signs in; later shows only matter when they carry a ref or a scene.
    if (userStore.user && !entry.ref && !entry.scene) return;
    void userStore.login(entry).then(() => cartStore.load());
  });
  return children;
}

export default App;
