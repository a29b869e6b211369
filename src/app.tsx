// The app shell: on launch, connect to the cloud; the first show launches (one call: the user, the
// home page and the cart badge, with where the visit came from); a later show through a share card
// or a scanned code signs in again, so attribution sees warm entries too.
import { type PropsWithChildren } from 'react';
import Taro, { useDidShow, useLaunch } from '@tarojs/taro';
import { initCloud } from './services/cloud';
import { entryFrom, type EntryOptions } from './services/entry';
import { userStore } from './stores/user';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initCloud();
  });
  useDidShow((options: EntryOptions) => {
    const entry = entryFrom(options);
    if (!userStore.user && !userStore.error)
      void userStore.launch(entry).then(() => goTo(userStore.landing));
    // Later shows only matter when they carry a ref or a scene.
    else if (entry.ref || entry.scene) void userStore.login(entry).then(goTo);
  });
  return children;
}

/** A scanned code opens the home page; the page it stands for (a product...) is opened from there. */
function goTo(landing: string | undefined) {
  if (landing) void Taro.navigateTo({ url: landing });
}

export default App;
