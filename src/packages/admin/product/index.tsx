// A product's form (new, or an edit): name, category, pictures uploaded to cloud storage, specs
// and the SKUs their combinations make (prices in yuan here, fen in the cloud; stock only for new
// SKUs: later changes go through stock, with a reason), on sale, position; a preview of its card;
// checked by the same schema the server uses before it is sent.
import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import type { AdminProductView } from '@domain/api/views';
import { fen, formatYuan, parseYuan } from '@domain/money';
import { productFormSchema, specCombinations, type ProductFormInput } from '@domain/product-form';
import { api } from '../../../services/api';
import { useCloudData } from '../../../hooks/useCloudData';
import { CloudImage } from '../../../components/CloudImage';
import { ProductCard } from '../../../components/ProductCard';
import { ErrorState, Loading } from '../../../components/StateView';
import { AdminShell } from '../components/AdminShell';
import { adminApi } from '../admin-api';
import { pickImage } from '../pick-image';
import '../admin.scss';

interface SkuRow {
  id?: string;
  specValues: string[];
  price: string;
  original: string;
  stock: string;
}

interface Draft {
  title: string;
  subtitle: string;
  description: string;
  categoryId: string;
  images: string[];
  /** Spec dimensions as typed: a name and comma-separated values. */
  specs: { name: string; values: string }[];
  onSale: boolean;
  sort: string;
  skus: SkuRow[];
}

const yuan = (f?: number) => (f === undefined ? '' : formatYuan(fen(f), ''));

function draftOf(p: AdminProductView | null): Draft {
  if (!p)
    return {
      title: '',
      subtitle: '',
      description: '',
      categoryId: '',
      images: [],
      specs: [{ name: '规格', values: '标准' }],
      onSale: true,
      sort: '1000',
      skus: [{ specValues: ['标准'], price: '', original: '', stock: '0' }],
    };
  return {
    title: p.title,
    subtitle: p.subtitle,
    description: p.description,
    categoryId: p.categoryId,
    images: p.images,
    specs: p.specs.map((d) => ({ name: d.name, values: d.values.join(',') })),
    onSale: p.onSale,
    sort: String(p.sort),
    skus: p.skus.map((s) => ({
      id: s.id,
      specValues: s.specValues,
      price: yuan(s.priceFen),
      original: yuan(s.originalPriceFen),
      stock: String(s.stock),
    })),
  };
}

const splitValues = (text: string) => [
  ...new Set(
    text
      .split(/[,，、]/)
      .map((v) => v.trim())
      .filter(Boolean),
  ),
];

/** The SKU rows the specs make: existing rows kept (by their values), new ones added. */
function withCombinations(draft: Draft): SkuRow[] {
  const combos = specCombinations(draft.specs.map((d) => ({ values: splitValues(d.values) })));
  const key = (v: string[]) => v.join('/');
  const kept = draft.skus.filter((s) => s.id && !combos.some((c) => key(c) === key(s.specValues)));
  return [
    ...combos.map(
      (c) =>
        draft.skus.find((s) => key(s.specValues) === key(c)) ?? {
          specValues: c,
          price: '',
          original: '',
          stock: '0',
        },
    ),
    ...kept,
  ];
}

function formOf(draft: Draft, id?: string): ProductFormInput {
  return {
    ...(id ? { id } : {}),
    title: draft.title,
    subtitle: draft.subtitle,
    description: draft.description,
    categoryId: draft.categoryId,
    images: draft.images,
    specs: draft.specs.map((d) => ({ name: d.name.trim(), values: splitValues(d.values) })),
    onSale: draft.onSale,
    sort: Number(draft.sort) || 0,
    skus: draft.skus.map((s) => ({
      ...(s.id ? { id: s.id } : {}),
      specValues: s.specValues,
      priceFen: parseYuan(s.price) ?? 0,
      ...(parseYuan(s.original) ? { originalPriceFen: parseYuan(s.original)! } : {}),
      stock: Number(s.stock) || 0,
    })),
  };
}

function ProductContent() {
  const { params } = useRouter();
  const productId = params.id;
  const stored = useCloudData<AdminProductView | null>(
    async () => (productId ? adminApi.product(productId) : { ok: true, data: null }),
    [productId],
    { refreshOnShow: false },
  );
  const categories = useCloudData(() => api.category(), [], { refreshOnShow: false });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!draft && !stored.loading && !stored.error) setDraft(draftOf(stored.data));
  }, [stored.data, stored.loading, stored.error, draft]);

  if (stored.error && !draft) return <ErrorState message={stored.error} onRetry={stored.retry} />;
  if (!draft) return <Loading />;
  const change = (fields: Partial<Draft>) => {
    const next = { ...draft, ...fields };
    setDraft(fields.specs ? { ...next, skus: withCombinations(next) } : next);
    setProblem('');
  };
  const setSku = (i: number, fields: Partial<SkuRow>) =>
    change({ skus: draft.skus.map((s, k) => (k === i ? { ...s, ...fields } : s)) });

  const upload = async () => {
    const picked = await pickImage();
    if (!picked) return;
    const res = await adminApi.uploadImage(picked);
    if (!res.ok) return void Taro.showToast({ title: res.message, icon: 'none' });
    change({ images: [...draft.images, res.data.fileID] });
  };
  const save = async () => {
    if (busy) return;
    const form = formOf(draft, productId);
    const checked = productFormSchema.safeParse(form);
    if (!checked.success) return setProblem(checked.error.issues[0].message);
    setBusy(true);
    const res = await adminApi.saveProduct({ product: form });
    setBusy(false);
    if (!res.ok) return setProblem(res.message);
    void Taro.showToast({ title: '已保存', icon: 'success' });
    setDraft(draftOf(res.data));
    if (!productId)
      void Taro.redirectTo({
        url: `/packages/admin/product/index?id=${encodeURIComponent(res.data.id)}`,
      });
  };

  const prices = draft.skus
    .map((s) => parseYuan(s.price))
    .filter((p): p is ReturnType<typeof fen> => p !== null && p > 0);
  const preview = {
    id: productId ?? 'preview',
    title: draft.title || '商品名称',
    subtitle: draft.subtitle,
    image: draft.images[0] ?? '',
    priceFen: prices.length ? fen(Math.min(...prices)) : fen(0),
    tags: [],
    sales: 0,
    soldOut: false,
  };

  return (
    <>
      <Text className="admin-title">{productId ? '编辑商品' : '新建商品'}</Text>
      <View className="admin-card admin-product-form">
        <Input
          className="admin-input admin-product-title"
          placeholder="商品名称"
          value={draft.title}
          onInput={(e) => change({ title: e.detail.value })}
        />
        <Input
          className="admin-input admin-product-subtitle"
          placeholder="副标题"
          value={draft.subtitle}
          onInput={(e) => change({ subtitle: e.detail.value })}
        />
        <View className="admin-form">
          {categories.data?.categories.map((c) => (
            <View
              key={c.id}
              className={`admin-chip admin-category${draft.categoryId === c.id ? ' active' : ''}`}
              onClick={() => change({ categoryId: c.id })}
            >
              {c.name}
            </View>
          ))}
        </View>
        <View className="admin-form admin-images">
          {draft.images.map((src) => (
            <View
              key={src}
              className="admin-image"
              onClick={() => change({ images: draft.images.filter((i) => i !== src) })}
            >
              <CloudImage className="admin-product-thumb" src={src} mode="aspectFill" />
              <Text className="muted">移除</Text>
            </View>
          ))}
          <View className="admin-chip admin-upload" onClick={() => void upload()}>
            上传图片
          </View>
        </View>
        <Text className="admin-subtitle">规格</Text>
        {draft.specs.map((d, i) => (
          <View key={i} className="admin-form">
            <Input
              className="admin-input admin-spec-name"
              placeholder="规格名，如 颜色"
              value={d.name}
              onInput={(e) =>
                change({
                  specs: draft.specs.map((x, k) => (k === i ? { ...x, name: e.detail.value } : x)),
                })
              }
            />
            <Input
              className="admin-input admin-spec-values"
              placeholder="规格值，用逗号分隔"
              value={d.values}
              onInput={(e) =>
                change({
                  specs: draft.specs.map((x, k) =>
                    k === i ? { ...x, values: e.detail.value } : x,
                  ),
                })
              }
            />
          </View>
        ))}
        {draft.specs.length < 3 ? (
          <View
            className="admin-chip"
            onClick={() => change({ specs: [...draft.specs, { name: '', values: '' }] })}
          >
            添加规格
          </View>
        ) : null}
        <Text className="admin-subtitle">SKU（价格单位：元）</Text>
        {draft.skus.map((s, i) => (
          <View key={s.specValues.join('/') + (s.id ?? '')} className="admin-form admin-sku-row">
            <Text className="admin-sku-values">{s.specValues.join(' / ')}</Text>
            <Input
              className="admin-input admin-sku-price"
              type="digit"
              placeholder="售价"
              value={s.price}
              onInput={(e) => setSku(i, { price: e.detail.value })}
            />
            <Input
              className="admin-input admin-sku-original"
              type="digit"
              placeholder="划线价（可空）"
              value={s.original}
              onInput={(e) => setSku(i, { original: e.detail.value })}
            />
            {s.id ? (
              <Text className="muted">{`库存 ${s.stock}（在库存页调整）`}</Text>
            ) : (
              <Input
                className="admin-input admin-sku-stock"
                type="number"
                placeholder="初始库存"
                value={s.stock}
                onInput={(e) => setSku(i, { stock: e.detail.value })}
              />
            )}
          </View>
        ))}
        <Textarea
          className="admin-input admin-description"
          placeholder="商品介绍"
          value={draft.description}
          maxlength={-1}
          onInput={(e) => change({ description: e.detail.value })}
        />
        <View className="admin-form">
          <View
            className={`admin-chip admin-on-sale${draft.onSale ? ' active' : ''}`}
            onClick={() => change({ onSale: !draft.onSale })}
          >
            {draft.onSale ? '上架销售' : '暂不上架'}
          </View>
          <Input
            className="admin-input admin-sort"
            type="number"
            placeholder="排序（小的在前）"
            value={draft.sort}
            onInput={(e) => change({ sort: e.detail.value })}
          />
        </View>
        {problem ? <Text className="admin-error admin-product-problem">{problem}</Text> : null}
        <View
          className={`btn admin-save-product${busy ? ' disabled' : ''}`}
          onClick={() => void save()}
        >
          {busy ? '保存中…' : '保存'}
        </View>
      </View>
      <Text className="admin-subtitle">预览</Text>
      <View className="admin-preview">
        <ProductCard product={preview} />
      </View>
    </>
  );
}

export default function AdminProductPage() {
  return (
    <AdminShell current="products">
      <ProductContent />
    </AdminShell>
  );
}
