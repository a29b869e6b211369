import { Input, Text, View } from '@tarojs/components';
import type { ArgSpec, BlindPoolRow, SignupCouponSpec, SkuPrice } from '@domain/campaigns/args';
import { parseTiers, type SkuTiers } from '@domain/groups';
import { useState } from 'react';
import { readTime, showTime } from '../china-time';
import { fen, formatYuan, parseYuan } from '@domain/money';

/** A rule argument's starting value, from its spec. */
export function defaultArg(spec: ArgSpec): unknown {
  switch (spec.type) {
    case 'int':
      return spec.min;
    case 'time':
      return Date.now();
    case 'fen':
      return spec.min ?? 0;
    case 'percent':
      return 10;
    case 'enum':
      return spec.values[0].value;
    case 'productIds':
    case 'intList':
      return spec.optional ? undefined : [];
    case 'tierRates':
      return {};
    default:
      return [];
  }
}

const yuan = (f: unknown) => (typeof f === 'number' ? formatYuan(fen(f), '') : '');
const TIERS = [
  { code: 'silver', label: '银卡' },
  { code: 'gold', label: '金卡' },
  { code: 'diamond', label: '钻石' },
];

/**
 * One rule argument's field, rendered from its spec (args.ts): the admin has no form code per
 * campaign kind; a new rule's arguments get their fields from their types. Money is typed in yuan
 * and kept in fen.
 */
export function ArgField({
  spec,
  value,
  onChange,
}: {
  spec: ArgSpec;
  value: unknown;
  onChange: (v: unknown) => void;
}) {
  const field = (body: JSX.Element) => (
    <View className="arg-field">
      <Text className="arg-label">{spec.label}</Text>
      {body}
    </View>
  );
  switch (spec.type) {
    case 'int':
    case 'percent':
      return field(
        <Input
          className="admin-input arg-number"
          type="number"
          value={value === undefined ? '' : String(value)}
          onInput={(e) => onChange(e.detail.value === '' ? undefined : Number(e.detail.value))}
        />,
      );
    case 'fen':
      return field(
        <Input
          className="admin-input arg-yuan"
          type="digit"
          placeholder="元"
          value={yuan(value)}
          onInput={(e) => onChange(parseYuan(e.detail.value) ?? undefined)}
        />,
      );
    case 'enum':
      return field(
        <View className="admin-form">
          {spec.values.map((v) => (
            <View
              key={v.value}
              className={`admin-chip${value === v.value ? ' active' : ''}`}
              onClick={() => onChange(v.value)}
            >
              {v.label}
            </View>
          ))}
        </View>,
      );
    case 'productIds':
      return field(
        <Input
          className="admin-input arg-ids"
          placeholder="商品编号，逗号分隔"
          value={((value as string[] | undefined) ?? []).join(',')}
          onInput={(e) => {
            const ids = e.detail.value.split(/[,，\s]+/).filter(Boolean);
            onChange(ids.length || !spec.optional ? ids : undefined);
          }}
        />,
      );
    case 'tierRates': {
      const rates = (value as Record<string, number>) ?? {};
      return field(
        <View className="admin-form">
          {TIERS.map((t) => (
            <Input
              key={t.code}
              className="admin-input arg-rate"
              type="number"
              placeholder={`${t.label}折扣价占比 %，如 98`}
              value={rates[t.code] === undefined ? '' : String(rates[t.code])}
              onInput={(e) => {
                const next = { ...rates };
                if (e.detail.value === '') delete next[t.code];
                else next[t.code] = Number(e.detail.value);
                onChange(next);
              }}
            />
          ))}
        </View>,
      );
    }
    case 'skuPrices': {
      const rows = (value as SkuPrice[]) ?? [];
      const set = (i: number, row: Partial<SkuPrice>) =>
        onChange(rows.map((r, k) => (k === i ? { ...r, ...row } : r)));
      return field(
        <View className="arg-rows">
          {rows.map((r, i) => (
            <View key={i} className="admin-form arg-sku-price">
              <Input
                className="admin-input arg-sku"
                placeholder="规格编号"
                value={r.skuId}
                onInput={(e) => set(i, { skuId: e.detail.value.trim() })}
              />
              <Input
                className="admin-input arg-price"
                type="digit"
                placeholder="特价（元）"
                value={yuan(r.priceFen)}
                onInput={(e) => set(i, { priceFen: parseYuan(e.detail.value) ?? 0 })}
              />
              <View
                className="admin-chip"
                onClick={() => onChange(rows.filter((_r, k) => k !== i))}
              >
                删除
              </View>
            </View>
          ))}
          <View
            className="admin-chip arg-add-sku"
            onClick={() => onChange([...rows, { skuId: '', priceFen: 0 }])}
          >
            添加规格
          </View>
        </View>,
      );
    }
    case 'time':
      return field(<TimeField value={value as number | undefined} onChange={onChange} />);
    case 'blindPool':
      return field(<BlindPoolField rows={(value as BlindPoolRow[]) ?? []} onChange={onChange} />);
    case 'intList':
      return field(
        <Input
          className="admin-input arg-ints"
          placeholder="整数，逗号分隔，如 3,2,1"
          value={((value as number[] | undefined) ?? []).join(',')}
          onInput={(e) => {
            const list = e.detail.value
              .split(/[,，\s]+/)
              .filter(Boolean)
              .map(Number);
            onChange(list.length || !spec.optional ? list : undefined);
          }}
        />,
      );
    case 'groupTiers':
      return field(<GroupTiersField rows={(value as SkuTiers[]) ?? []} onChange={onChange} />);
    case 'couponList': {
      const rows = (value as SignupCouponSpec[]) ?? [];
      const set = (i: number, row: Partial<SignupCouponSpec>) =>
        onChange(rows.map((r, k) => (k === i ? { ...r, ...row } : r)));
      return field(
        <View className="arg-rows">
          {rows.map((r, i) => (
            <View key={i} className="admin-form">
              <Input
                className="admin-input"
                placeholder="券名"
                value={r.title}
                onInput={(e) => set(i, { title: e.detail.value })}
              />
              <Input
                className="admin-input"
                type="digit"
                placeholder="面额（元）"
                value={yuan(r.amountFen)}
                onInput={(e) => set(i, { amountFen: parseYuan(e.detail.value) ?? 0 })}
              />
              <Input
                className="admin-input"
                type="digit"
                placeholder="门槛（元）"
                value={yuan(r.thresholdFen)}
                onInput={(e) => set(i, { thresholdFen: parseYuan(e.detail.value) ?? 0 })}
              />
              <Input
                className="admin-input"
                type="number"
                placeholder="有效天数"
                value={String(r.validDays ?? '')}
                onInput={(e) => set(i, { validDays: Number(e.detail.value) || 0 })}
              />
              <View
                className="admin-chip"
                onClick={() => onChange(rows.filter((_r, k) => k !== i))}
              >
                删除
              </View>
            </View>
          ))}
          <View
            className="admin-chip"
            onClick={() =>
              onChange([...rows, { title: '', amountFen: 0, thresholdFen: 0, validDays: 7 }])
            }
          >
            添加优惠券
          </View>
        </View>,
      );
    }
  }
}

const tiersInput = (r: SkuTiers) =>
  r.tiers.map((t) => `${t.size}:${formatYuan(t.priceFen, '')}`).join(', ');

/** Per SKU: its tiers typed as 人数:价格 pairs ("5:19.9, 10:14.9, 20:9.9"). */
function GroupTiersField({ rows, onChange }: { rows: SkuTiers[]; onChange: (v: unknown) => void }) {
  // The text as typed (a half-typed tier does not parse yet); parsed tiers go to the form.
  const [texts, setTexts] = useState<string[]>(() => rows.map(tiersInput));
  const set = (i: number, row: Partial<SkuTiers>) =>
    onChange(rows.map((r, k) => (k === i ? { ...r, ...row } : r)));
  return (
    <View className="arg-rows">
      {rows.map((r, i) => (
        <View key={i} className="admin-form arg-group-tiers">
          <Input
            className="admin-input arg-sku"
            placeholder="规格编号"
            value={r.skuId}
            onInput={(e) => set(i, { skuId: e.detail.value.trim() })}
          />
          <Input
            className="admin-input arg-tiers"
            placeholder="人数:价格，如 5:19.9, 10:14.9"
            value={texts[i] ?? ''}
            onInput={(e) => {
              const text = e.detail.value;
              setTexts(texts.map((t, k) => (k === i ? text : t)));
              set(i, { tiers: parseTiers(text) ?? [] });
            }}
          />
          <View
            className="admin-chip"
            onClick={() => {
              setTexts(texts.filter((_t, k) => k !== i));
              onChange(rows.filter((_r, k) => k !== i));
            }}
          >
            删除
          </View>
        </View>
      ))}
      <View
        className="admin-chip arg-add-sku"
        onClick={() => {
          setTexts([...texts, '']);
          onChange([...rows, { skuId: '', tiers: [] }]);
        }}
      >
        添加规格
      </View>
    </View>
  );
}

/** An instant typed in China time; kept as typed until it reads. */
function TimeField({ value, onChange }: { value?: number; onChange: (v: unknown) => void }) {
  const [text, setText] = useState(value === undefined ? '' : showTime(value));
  return (
    <Input
      className="admin-input arg-time"
      placeholder="2026-11-25 10:00"
      value={text}
      onInput={(e) => {
        setText(e.detail.value);
        const at = readTime(e.detail.value);
        if (Number.isFinite(at)) onChange(at);
      }}
    />
  );
}

/** A blind box's pool: per SKU its value (yuan), weight, stock set aside and the top grade. */
function BlindPoolField({
  rows,
  onChange,
}: {
  rows: BlindPoolRow[];
  onChange: (v: unknown) => void;
}) {
  const set = (i: number, row: Partial<BlindPoolRow>) =>
    onChange(rows.map((r, k) => (k === i ? { ...r, ...row } : r)));
  return (
    <View className="arg-rows">
      {rows.map((r, i) => (
        <View key={i} className="admin-form arg-blind-pool">
          <Input
            className="admin-input arg-sku"
            placeholder="规格编号"
            value={r.skuId}
            onInput={(e) => set(i, { skuId: e.detail.value.trim() })}
          />
          <Input
            className="admin-input arg-price"
            type="digit"
            placeholder="价值（元）"
            value={yuan(r.valueFen)}
            onInput={(e) => set(i, { valueFen: parseYuan(e.detail.value) ?? 0 })}
          />
          <Input
            className="admin-input"
            type="number"
            placeholder="权重"
            value={String(r.weight ?? '')}
            onInput={(e) => set(i, { weight: Number(e.detail.value) || 0 })}
          />
          <Input
            className="admin-input"
            type="number"
            placeholder="库存"
            value={String(r.stock ?? '')}
            onInput={(e) => set(i, { stock: Number(e.detail.value) || 0 })}
          />
          <View
            className={`admin-chip${r.top ? ' active' : ''}`}
            onClick={() => set(i, { top: r.top ? undefined : true })}
          >
            大奖
          </View>
          <View className="admin-chip" onClick={() => onChange(rows.filter((_r, k) => k !== i))}>
            删除
          </View>
        </View>
      ))}
      <View
        className="admin-chip"
        onClick={() => onChange([...rows, { skuId: '', valueFen: 0, weight: 1, stock: 0 }])}
      >
        添加奖池商品
      </View>
    </View>
  );
}
