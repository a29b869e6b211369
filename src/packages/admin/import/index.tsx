// Bulk stock changes from a CSV pasted here or chosen as a file: every line is checked
// and shown; nothing is sent until all lines read; the server checks them again against the stock
// and applies all of them or none, naming the lines it refuses.
import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { parseStockCsv } from '@domain/stock-csv';
import { AdminShell } from '../components/AdminShell';
import { adminApi, newRequestId } from '../admin-api';
import { pickTextFile } from '../pick-text-file';
import '../admin.scss';

const EXAMPLE = 'skuId,方式,数量,原因\np-longjing-1,入库,20,到货\np-dahongpao-1,盘点,12,月底盘点';

function StockImportPageContent() {
  const [text, setText] = useState('');
  const [serverErrors, setServerErrors] = useState<{ row: number; message: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const requestId = useRef(newRequestId());
  const parsed = parseStockCsv(text);
  const errors = [...parsed.errors, ...serverErrors].sort((a, b) => a.row - b.row);

  const submit = async () => {
    if (busy || !parsed.rows.length || parsed.errors.length) return;
    setBusy(true);
    const res = await adminApi.bulkStock({ rows: parsed.rows, requestId: requestId.current });
    setBusy(false);
    if (res.ok) {
      requestId.current = newRequestId();
      setServerErrors([]);
      setText('');
      return void Taro.showToast({ title: `已导入 ${res.data.applied.length} 行`, icon: 'none' });
    }
    const details = (res.details as { errors?: { row: number; message: string }[] })?.errors;
    // The server counts rows it was sent; map them back to the lines of the text.
    const lines = text
      .split(/\r?\n/)
      .map((l, i) => ({ l, i }))
      .filter(({ l, i }) => l.trim() && !(i === 0 && /sku/i.test(l)));
    setServerErrors(
      details
        ? details.map((e) => ({ row: (lines[e.row - 1]?.i ?? e.row - 1) + 1, message: e.message }))
        : [],
    );
    if (!details) void Taro.showToast({ title: res.message, icon: 'none' });
  };

  return (
    <>
      <Text className="admin-title">批量导入库存</Text>
      <Text className="muted">
        每行：规格编号,方式（入库/调整 或 盘点）,数量,原因。全部行都正确才会导入。
      </Text>
      <Textarea
        className="admin-card admin-csv"
        value={text}
        maxlength={-1}
        placeholder={EXAMPLE}
        onInput={(e) => {
          setText(e.detail.value);
          setServerErrors([]);
        }}
      />
      {errors.map((e) => (
        <Text
          key={`${e.row}-${e.message}`}
          className="admin-error"
        >{`第 ${e.row} 行：${e.message}`}</Text>
      ))}
      <View className="admin-form">
        <View
          className="admin-chip admin-csv-file"
          onClick={() =>
            void pickTextFile().then((content) => {
              if (content === null) return;
              setText(content);
              setServerErrors([]);
            })
          }
        >
          选择 CSV 文件
        </View>
        <Text className="muted">{`${parsed.rows.length} 行可导入`}</Text>
        <View
          className={`btn small admin-import-submit${busy || !parsed.rows.length || parsed.errors.length ? ' disabled' : ''}`}
          onClick={submit}
        >
          {busy ? '导入中…' : '导入'}
        </View>
      </View>
    </>
  );
}

// The page's data loads inside the frame: only once the caller is known to be staff (a browser
// may first have to sign in).
export default function StockImportPage() {
  return (
    <AdminShell current="import">
      <StockImportPageContent />
    </AdminShell>
  );
}
