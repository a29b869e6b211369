// Small cross-page UI state: tab pages cannot receive query parameters (switchTab), so the home
// page leaves the chosen category here for the category page.
import { makeAutoObservable } from 'mobx';

class UiStore {
  categoryId: string | undefined = undefined;

  constructor() {
    makeAutoObservable(this);
  }

  chooseCategory(id: string): void {
    this.categoryId = id;
  }
}

export const uiStore = new UiStore();
