// The signed-in user. The first show of the app launches (one call: the user, the home page and
// the cart badge); the home page takes its first screen from that call. Later entries through a
// share or a QR code sign in again (recording where they came from).
import { makeAutoObservable, runInAction } from 'mobx';
import type { HomeView, MeView, UserView } from '@domain/api/views';
import { api } from '../services/api';
import { cartStore } from './cart';

type Entry = { ref?: string; scene?: string; path?: string };

class UserStore {
  user: UserView | null = null;
  /** The "me" page's view: staff role and coupon count too. */
  me: MeView | null = null;
  error = '';
  private launching: Promise<HomeView | null> | null = null;
  /** Where the launch's scanned code leads (taken once by the app shell). */
  landing: string | undefined = undefined;
  /** Notice kind → template id (from the launch), for asking opt-ins right in a tap. */
  noticeTemplates: Record<string, string> = {};
  private launchedHomeAt = 0;
  private homeTaken = false;

  constructor() {
    makeAutoObservable(this);
  }

  /** The launch call, once; resolves with the home page it brought (null if it failed). */
  launch(entry: Entry): Promise<HomeView | null> {
    this.launching ??= api.launch(entry).then((res) => {
      runInAction(() => {
        if (res.ok) {
          this.user = res.data.user;
          this.landing = res.data.landing;
          this.noticeTemplates = res.data.noticeTemplates;
          this.error = '';
        } else this.error = res.message;
      });
      if (!res.ok) return null;
      cartStore.setCount(res.data.cartCount);
      this.launchedHomeAt = Date.now();
      return res.data.home;
    });
    return this.launching;
  }

  /**
   * The home page the launch brought, for the home page's first render: once, and only while
   * fresh (a shopper who opened a shared product page first reaches home later). Null otherwise.
   */
  async takeLaunchedHome(): Promise<HomeView | null> {
    const home = await this.launch({});
    const fresh = Date.now() - this.launchedHomeAt < 60_000;
    if (!home || this.homeTaken || !fresh) return null;
    this.homeTaken = true;
    return home;
  }

  /**
   * Signs in again with a later entry (a share card or a scanned code while running); resolves
   * with the page a scanned code stands for, if any.
   */
  async login(entry: Entry): Promise<string | undefined> {
    const res = await api.login(entry);
    runInAction(() => {
      if (res.ok) this.user = res.data.user;
      else this.error = res.message;
    });
    return res.ok ? res.data.landing : undefined;
  }

  /** Pages that need the user await this. */
  async ready(): Promise<void> {
    await this.launch({});
  }

  /** After a failed launch: try again. */
  retry(): Promise<HomeView | null> {
    this.launching = null;
    return this.launch({});
  }

  async refresh(): Promise<void> {
    const res = await api.me();
    runInAction(() => {
      if (res.ok) {
        this.me = res.data;
        this.user = res.data;
      }
    });
  }
}

export const userStore = new UserStore();
