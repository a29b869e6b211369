// The signed-in user (created on first launch by the user function).
import { makeAutoObservable, runInAction } from 'mobx';
import type { UserView } from '@domain/api/views';
import { api } from '../services/api';

class UserStore {
  user: UserView | null = null;
  error = '';
  private pending: Promise<void> | null = null;

  constructor() {
    makeAutoObservable(this);
  }

  /** Signs in once per launch; pages that need the user await `ready()`. */
  login(entry: { ref?: string; scene?: string; path?: string }): Promise<void> {
    this.pending = api.login(entry).then((res) =>
      runInAction(() => {
        if (res.ok) this.user = res.data;
        else this.error = res.message;
      }),
    );
    return this.pending;
  }

  ready(): Promise<void> {
    return this.pending ?? this.login({});
  }

  async refresh(): Promise<void> {
    const res = await api.me();
    runInAction(() => {
      if (res.ok) this.user = res.data;
    });
  }
}

export const userStore = new UserStore();
