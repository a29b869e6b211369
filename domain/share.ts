// What can be shared and where a share lands. A share link is the page's path with the sharer's
// short code (`ref`); a QR code carries a `scene` (at most 32 characters WeChat allows) that the
// server resolves to the page, its parameters, and the sharer or the channel (share_codes).
// Later tools (group buying, assists, pre-sales) add their pages here.

export const SHARE_PAGES = {
  home: 'pages/home/index',
  product: 'packages/product/detail/index',
  group: 'packages/group/index',
  assist: 'packages/assist/index',
  presale: 'packages/presale/index',
} as const;

export type ShareTarget =
  | { kind: 'home' }
  | { kind: 'product'; id: string }
  | { kind: 'group'; id: string }
  | { kind: 'assist'; id: string }
  | { kind: 'presale'; id: string };

/** Characters WeChat allows in a scene (wxacode.getUnlimited). */
export const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

/** A channel's code as staff type it: store-12, parcel, metro-ad. */
export const CHANNEL_PATTERN = /^[a-z0-9][a-z0-9-]{0,22}$/;
export const CHANNEL_MESSAGE = '渠道编码为 1-23 位小写字母、数字或连字符，以字母或数字开头';

/** The scene of a staff channel code (its own prefix: it can never equal a user's code). */
export function channelScene(channel: string): string {
  return `ch.${channel}`;
}

/** The page a target opens, without a leading slash, and its parameters. */
export function targetPage(target: ShareTarget): { page: string; params: Record<string, string> } {
  if (target.kind === 'product') return { page: SHARE_PAGES.product, params: { id: target.id } };
  if (target.kind === 'group') return { page: SHARE_PAGES.group, params: { id: target.id } };
  if (target.kind === 'assist') return { page: SHARE_PAGES.assist, params: { id: target.id } };
  if (target.kind === 'presale')
    return { page: SHARE_PAGES.presale, params: { campaign: target.id } };
  return { page: SHARE_PAGES.home, params: {} };
}

/** `/page?a=1&ref=CODE`: a share card's path (WeChat wants a leading slash). */
export function sharePath(target: ShareTarget, ref?: string): string {
  const { page, params } = targetPage(target);
  return pathWith(page, { ...params, ...(ref ? { ref } : {}) });
}

/** The timeline's query string (朋友圈 shares carry no path: the page's own params and ref). */
export function shareQuery(target: ShareTarget, ref?: string): string {
  const { params } = targetPage(target);
  return queryString({ ...params, ...(ref ? { ref } : {}) });
}

export function pathWith(page: string, params: Record<string, string>): string {
  const query = queryString(params);
  return `/${page}${query ? `?${query}` : ''}`;
}

function queryString(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
}
