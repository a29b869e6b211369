// Cloud storage file ids (`cloud://...`) as URLs an <Image> can show. In WeChat, <image> takes a
// cloud file id itself; in the browser build it cannot, so ids are resolved through the local
// cloud (as wx.cloud.getTempFileURL answers): the ids asked for in the same moment go in one
// request, and each id is resolved once per session. Other sources (https URLs) pass through.
const cache = new Map<string, Promise<string>>();
let batch: { ids: string[]; settle: Map<string, (url: string) => void> } | null = null;

const isCloudFile = (src: string) => src.startsWith('cloud://');

async function resolveBatch(ids: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  try {
    const res = await fetch('/_emulator/storage/temp-urls', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ fileList: ids }),
    });
    const body = (await res.json()) as { fileList?: { fileID: string; tempFileURL: string }[] };
    for (const item of body.fileList ?? []) found.set(item.fileID, item.tempFileURL);
  } catch (e) {
    console.warn('getTempFileURL failed', e);
  }
  return found;
}

function resolveInBrowser(id: string): Promise<string> {
  let url = cache.get(id);
  if (url) return url;
  if (!batch) {
    const current = (batch = { ids: [], settle: new Map() });
    // Everything asked for before the next tick goes in one request (at most 50 ids each).
    setTimeout(async () => {
      batch = null;
      for (let i = 0; i < current.ids.length; i += 50) {
        const ids = current.ids.slice(i, i + 50);
        const found = await resolveBatch(ids);
        for (const one of ids) {
          const resolved = found.get(one) ?? '';
          // A failed lookup is tried again next time it is asked for.
          if (!resolved) cache.delete(one);
          current.settle.get(one)!(resolved);
        }
      }
    }, 0);
  }
  const pending = batch;
  url = new Promise<string>((resolve) => pending.settle.set(id, resolve));
  pending.ids.push(id);
  cache.set(id, url);
  return url;
}

/** Ids resolved so far, so a picture seen before shows at once. */
const resolved = new Map<string, string>();

/** The URL to show a picture at ('' when the file is missing). */
export async function fileUrl(src: string): Promise<string> {
  if (process.env.TARO_ENV !== 'h5' || !isCloudFile(src)) return src;
  const url = await resolveInBrowser(src);
  if (url) resolved.set(src, url);
  return url;
}

/** The URL when already known without asking: always outside the browser, or once resolved. */
export function knownFileUrl(src: string): string | undefined {
  if (process.env.TARO_ENV !== 'h5' || !isCloudFile(src)) return src;
  return resolved.get(src);
}
