// Where a visit came from, read from the launch or show options: a sharer's ref, a QR code's
// scene (wxacode.getUnlimited delivers it URL-encoded), the page opened. A malformed value must
// not break the launch: a scene that is not valid percent-encoding is taken as it came.
export type EntryOptions =
  { query?: Record<string, string | undefined>; path?: string } | undefined;

export interface Entry {
  ref?: string;
  scene?: string;
  path?: string;
}

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function entryFrom(options: EntryOptions): Entry {
  const query = options?.query ?? {};
  const scene = query.scene ? decoded(query.scene) : undefined;
  return { ref: query.ref, scene, path: options?.path };
}
