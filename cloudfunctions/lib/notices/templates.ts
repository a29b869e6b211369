// Which WeChat template each notice kind uses (shop_settings/notices, staff set it; template ids
// differ per mini-program). The local cloud and a fresh shop use placeholder ids (`local-<kind>`),
// which the local cloud's recorder accepts; production needs real ids from the WeChat console
// (订阅消息 → 公共模板库, choose a template per kind and note its id and field keys).
import {
  NOTICE_KINDS,
  PLANNED_NOTICE_KINDS,
  type NoticeKindName,
} from '../../../domain/notices/kinds';
import { findById } from '../infra/db';

export interface TemplateSetting {
  templateId: string;
  /** Field name → the chosen template's key, where it differs from the kind's default. */
  keys?: Record<string, string>;
}

export type AnyKind = NoticeKindName | keyof typeof PLANNED_NOTICE_KINDS;
export const ALL_KINDS = [
  ...Object.keys(NOTICE_KINDS),
  ...Object.keys(PLANNED_NOTICE_KINDS),
] as AnyKind[];

export const NOTICE_SETTINGS_ID = 'notices';

export async function noticeTemplates(): Promise<Record<AnyKind, TemplateSetting>> {
  const stored = await findById<{ templates?: Partial<Record<AnyKind, TemplateSetting>> }>(
    'shop_settings',
    NOTICE_SETTINGS_ID,
  );
  return Object.fromEntries(
    ALL_KINDS.map((kind) => [
      kind,
      stored?.templates?.[kind] ?? { templateId: `local-${kind.toLowerCase()}` },
    ]),
  ) as Record<AnyKind, TemplateSetting>;
}
