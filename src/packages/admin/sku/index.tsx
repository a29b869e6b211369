// One SKU's stock: its figures, a form to add/take units (入库, 报损...) or set a counted figure
// (盘点) with a reason, its low-stock threshold, and the ledger (who, when, why, before and after)
// ending at the stock in hand.
import { useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { StockLedgerView } from '@domain/api/views';
import { STOCK_REASONS } from '@domain/stock';
import { useCloudData } from '../../../hooks/useCloudData';
import { ErrorState, Loading } from '../../../components/StateView';
import { AdminShell } from '../components/AdminShell';
import { DataTable, type Column } from '../components/DataTable';
import { adminApi, newRequestId } from '../admin-api';
import '../admin.scss';

type Entry = StockLedgerView['entries'][number];

const KIND_TEXT: Record<Entry['kind'], string> = {
  OPENING: '期初',
  ADJUST: '调整',
  SET: '盘点',
  SALE: '销售',
};

const time = (at: number) => new Date(at).toLocaleString('zh-CN', { hour12: false });

const COLUMNS: Column<Entry>[] = [
  { key: 'at', title: '时间', value: (e) => e.at, render: (e) => time(e.at) },
  { key: 'kind', title: '类型', value: (e) => KIND_TEXT[e.kind] },
  { key: 'delta', title: '变动', value: (e) => e.delta, render: (e) => signed(e.delta) },
  { key: 'before', title: '变动前', value: (e) => e.before },
  { key: 'after', title: '变动后', value: (e) => e.after },
  { key: 'reason', title: '原因', value: (e) => e.reason },
  { key: 'by', title: '操作人', value: (e) => e.by },
];

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

function SkuStockPageContent() {
  const { params } = useRouter();
  const skuId = params.id ?? '';
  const ledger = useCloudData(() => adminApi.stockLedger(skuId), [skuId]);
  const [mode, setMode] = useState<'ADJUST' | 'SET'>('ADJUST');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState<string>(STOCK_REASONS[0]);
  const [threshold, setThreshold] = useState('');
  const [busy, setBusy] = useState(false);
  // One id per intended change: a double tap or a retry applies it once.
  const requestId = useRef(newRequestId());

  if (ledger.error && !ledger.data)
    return <ErrorState message={ledger.error} onRetry={ledger.retry} />;
  if (!ledger.data) return <Loading />;
  const { sku, entries } = ledger.data;

  const submit = async () => {
    const n = Number(amount);
    if (
      !amount ||
      !Number.isInteger(n) ||
      (mode === 'ADJUST' && n === 0) ||
      n < (mode === 'SET' ? 0 : -1e6)
    )
      return Taro.showToast({
        title: mode === 'SET' ? '请填写盘点后的数量' : '请填写调整数量（可为负数）',
        icon: 'none',
      });
    if (busy) return;
    setBusy(true);
    const input = { skuId, reason, requestId: requestId.current };
    const res =
      mode === 'SET'
        ? await adminApi.setStock({ ...input, count: n })
        : await adminApi.adjustStock({ ...input, delta: n });
    setBusy(false);
    if (res.ok || res.code !== 'NETWORK') requestId.current = newRequestId();
    void Taro.showToast({ title: res.ok ? '库存已更新' : res.message, icon: 'none' });
    if (res.ok) {
      setAmount('');
      await ledger.refresh();
    }
  };
  const saveThreshold = async () => {
    const n = Number(threshold);
    if (!Number.isInteger(n) || n < 0)
      return Taro.showToast({ title: '请填写预警数量', icon: 'none' });
    const res = await adminApi.setLowStockThreshold(skuId, n);
    void Taro.showToast({ title: res.ok ? '预警数量已保存' : res.message, icon: 'none' });
    if (res.ok) await ledger.refresh();
  };

  return (
    <>
      <Text className="admin-title">{`${sku.title} · ${sku.specText}`}</Text>
      <View className="admin-figures">
        <Text className={`admin-figure-in-hand${sku.low ? ' admin-low' : ''}`}>
          在库 {sku.inHand}
        </Text>
        <Text>待付款占用 {sku.held}</Text>
        <Text className="admin-figure-sellable">可售 {sku.sellable}</Text>
        <Text>已售 {sku.sold}</Text>
        <Text>预警 {sku.lowStockThreshold}</Text>
      </View>

      <View className="admin-card">
        <View className="admin-form">
          <View
            className={`admin-chip${mode === 'ADJUST' ? ' active' : ''}`}
            onClick={() => setMode('ADJUST')}
          >
            增减
          </View>
          <View
            className={`admin-chip admin-mode-set${mode === 'SET' ? ' active' : ''}`}
            onClick={() => {
              setMode('SET');
              setReason('盘点');
            }}
          >
            盘点
          </View>
          <Input
            className="admin-input admin-amount"
            type="text"
            placeholder={mode === 'SET' ? '盘点后的在库数量' : '数量，如 20 或 -3'}
            value={amount}
            onInput={(e) => setAmount(e.detail.value)}
          />
        </View>
        <View className="admin-form">
          {STOCK_REASONS.map((r) => (
            <View
              key={r}
              className={`admin-chip${reason === r ? ' active' : ''}`}
              onClick={() => setReason(r)}
            >
              {r}
            </View>
          ))}
          <View
            className={`btn small admin-stock-submit${busy ? ' disabled' : ''}`}
            onClick={submit}
          >
            {busy ? '提交中…' : '确认'}
          </View>
        </View>
        <View className="admin-form">
          <Input
            className="admin-input admin-threshold"
            type="number"
            placeholder={`库存预警数量（当前 ${sku.lowStockThreshold}）`}
            value={threshold}
            onInput={(e) => setThreshold(e.detail.value)}
          />
          <View className="admin-chip" onClick={saveThreshold}>
            保存预警
          </View>
        </View>
      </View>

      <Text className="admin-subtitle">库存流水</Text>
      <DataTable columns={COLUMNS} rows={[...entries].reverse()} rowKey={(e) => e._id} />
      <View className="admin-cards">
        {[...entries].reverse().map((e) => (
          <View key={e._id} className="admin-card admin-ledger-card">
            <Text>{`${KIND_TEXT[e.kind]} ${signed(e.delta)} · ${e.reason}`}</Text>
            <Text className="muted">{`${e.before} → ${e.after} · ${time(e.at)} · ${e.by}`}</Text>
          </View>
        ))}
      </View>
    </>
  );
}

// The page's data loads inside the frame: only once the caller is known to be staff (a browser
// may first have to sign in).
export default function SkuStockPage() {
  return (
    <AdminShell current="stock">
      <SkuStockPageContent />
    </AdminShell>
  );
}
