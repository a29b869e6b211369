// WeChat subscription-message field values (订阅消息 "参数值内容限制"): each template field has a
// type by its key's prefix (thing3, amount2, time4...) and a value rule; a value that breaks it
// makes WeChat refuse the whole send (47003 "argument invalid! data.thing3.value invalid"). These
// functions turn what an event knows into values that always pass: long text is cut with an
// ellipsis, numbers are formatted, characters a type does not allow are dropped.
import { formatYuan, type Fen } from '../money';

export type FieldType =
  | 'thing' // ≤ 20 characters, anything
  | 'number' // ≤ 32 digits, a decimal point allowed
  | 'letter' // ≤ 32 letters
  | 'symbol' // ≤ 5 symbols
  | 'character_string' // ≤ 32 digits, letters, symbols
  | 'time' // 24-hour time, e.g. 2019年10月1日 15:01
  | 'date' // e.g. 2019年10月1日
  | 'amount' // a currency symbol, ≤ 10 digits, decimals, optional 元
  | 'phone_number' // ≤ 17 digits and symbols
  | 'name' // ≤ 10 Chinese characters or ≤ 20 letters
  | 'phrase'; // ≤ 5 Chinese characters only

/** The type of a template field from its key: `thing12` → thing, `character_string3` → character_string. */
export function fieldType(key: string): FieldType {
  const type = key.replace(/\d+$/, '');
  if (!FIELD_TYPES.includes(type as FieldType)) throw new Error(`unknown field type: ${key}`);
  return type as FieldType;
}

export const FIELD_TYPES: FieldType[] = [
  'thing',
  'number',
  'letter',
  'symbol',
  'character_string',
  'time',
  'date',
  'amount',
  'phone_number',
  'name',
  'phrase',
];

/** Cuts to at most `max` characters (code points), ending with … when cut. */
export function cut(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  if (chars.length <= max) return chars.join('');
  return chars.slice(0, max - 1).join('') + '…';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** China time (UTC+8), whatever the server's zone. */
function chinaParts(at: number) {
  const d = new Date(at + 8 * 3600_000);
  return {
    y: d.getUTCFullYear(),
    m: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    min: d.getUTCMinutes(),
  };
}

export function dateValue(at: number): string {
  const p = chinaParts(at);
  return `${p.y}年${p.m}月${p.d}日`;
}

export function timeValue(at: number): string {
  const p = chinaParts(at);
  return `${p.y}年${p.m}月${p.d}日 ${pad(p.h)}:${pad(p.min)}`;
}

/** ¥12.50 (WeChat allows ≤ 10 digits; larger amounts cannot occur in a shop order). */
export function amountValue(fen: Fen): string {
  return formatYuan(fen);
}

/** A value of `type` made from `raw`, always within the type's rule. */
export function fieldValue(type: FieldType, raw: string | number): string {
  const text = String(raw);
  switch (type) {
    case 'thing':
      return cut(text, 20) || '-';
    case 'number':
      return (text.match(/\d{1,32}(\.\d{1,8})?/)?.[0] ?? '0').slice(0, 32).replace(/\.$/, '');
    case 'letter':
      return (text.match(/[A-Za-z]/g) ?? []).join('').slice(0, 32) || 'A';
    case 'symbol':
      return [...text.replace(/[\p{L}\p{N}\s]/gu, '')].slice(0, 5).join('') || '-';
    case 'character_string':
      return (text.match(/[\x21-\x7e]/g) ?? []).join('').slice(0, 32) || '-';
    case 'phone_number':
      return (text.match(/[\d+\-()]/g) ?? []).join('').slice(0, 17) || '-';
    case 'name': {
      const chinese = (text.match(/\p{Script=Han}/gu) ?? []).join('');
      if (chinese) return [...chinese].slice(0, 10).join('');
      return (text.match(/[A-Za-z ]/g) ?? []).join('').trim().slice(0, 20) || '用户';
    }
    case 'phrase':
      return [...(text.match(/\p{Script=Han}/gu) ?? [])].slice(0, 5).join('') || '通知';
    case 'time':
    case 'date':
    case 'amount':
      return text; // made by timeValue / dateValue / amountValue
  }
}

/** Whether a value passes WeChat's rule for its type (what the local cloud checks too). */
export function isValidValue(type: FieldType, value: string): boolean {
  const length = [...value].length;
  switch (type) {
    case 'thing':
      return length >= 1 && length <= 20;
    case 'number':
      return /^\d+(\.\d+)?$/.test(value) && value.replace('.', '').length <= 32;
    case 'letter':
      return /^[A-Za-z]{1,32}$/.test(value);
    case 'symbol':
      return length >= 1 && length <= 5 && !/[\p{L}\p{N}\s]/u.test(value);
    case 'character_string':
      return /^[\x21-\x7e]{1,32}$/.test(value);
    case 'phone_number':
      return /^[\d+\-()]{1,17}$/.test(value);
    case 'name':
      return /^\p{Script=Han}{1,10}$/u.test(value) || /^[A-Za-z ]{1,20}$/.test(value);
    case 'phrase':
      return /^\p{Script=Han}{1,5}$/u.test(value);
    case 'time':
      return /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/.test(value) || /^\d{2}:\d{2}$/.test(value);
    case 'date':
      return /^\d{4}年\d{1,2}月\d{1,2}日$/.test(value);
    case 'amount':
      return /^[¥￥$]?\d{1,10}(\.\d{1,2})?元?$/.test(value);
  }
}
