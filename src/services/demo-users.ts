// Browser-only demo identities. In WeChat the user is whoever opened the mini-program; in the
// browser build the local cloud takes the identity from a header, so the "me" page can switch
// between a fresh new user, a regular buyer and a staff member to try every journey.
const KEY = 'demo-openid';

export interface DemoUser {
  id: 'new' | 'regular' | 'staff';
  label: string;
  openid: () => string;
}

const freshGuest = () =>
  `guest-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

export const DEMO_USERS: DemoUser[] = [
  { id: 'new', label: '新用户（全新身份）', openid: freshGuest },
  { id: 'regular', label: '老顾客 阿芳', openid: () => 'demo-regular' },
  { id: 'staff', label: '店长 老周', openid: () => 'demo-staff' },
];

/** The browser's current identity: a fresh guest on first visit. */
export function currentOpenid(): string {
  let openid = localStorage.getItem(KEY);
  if (!openid) {
    openid = freshGuest();
    localStorage.setItem(KEY, openid);
  }
  return openid;
}

export function switchDemoUser(user: DemoUser): void {
  localStorage.setItem(KEY, user.openid());
}

export function currentDemoUserId(): DemoUser['id'] {
  const openid = currentOpenid();
  if (openid === 'demo-regular') return 'regular';
  if (openid === 'demo-staff') return 'staff';
  return 'new';
}
