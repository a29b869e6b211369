// Where a visit came from, read from the launch or show options: a sharer's ref, a QR code's
// scene (wxacode.getUnlimited delivers it URL-encoded), the page opened. A malformed value must
// not break the launch: a scene that is not valid percent-encoding is taken as it came, and a
// ref or scene the server would refuse (too long, characters WeChat never sends) is dropped.
import { SCENE_PATTERN } from '@domain/share';

export type EntryOptions =
  { query?: Record<string, string | undefined>; path?: string } | undefined;

export interface Entry {
  ref?: string;
  scene?: string;
  path?: string;
}

const REF_PATTERN = /^[0-9A-Za-z]{1,32}$/;

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function entryFrom(options: EntryOptions): Entry {
  const query = options?.query ?? {};
  const scene = typeof query.scene === 'string' ? decoded(query.scene) : undefined;
  const ref = typeof query.ref === 'string' ? query.ref : undefined;
  const path = typeof options?.path === 'string' ? options.path.slice(0, 200) : undefined;
  return {
    ...(ref && REF_PATTERN.test(ref) ? { ref } : {}),
    ...(scene && SCENE_PATTERN.test(scene) ? { scene } : {}),
    ...(path ? { path } : {}),
  };
}
