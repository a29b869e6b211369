import { useState, type ReactNode } from 'react';
import { View } from '@tarojs/components';

export interface Column<T> {
  key: string;
  title: string;
  /** The value sorted by (and shown, unless `render` is given). */
  value: (row: T) => string | number;
  render?: (row: T) => ReactNode;
}

/**
 * The desktop table: a header whose columns sort (tap again to reverse), then the rows. Shown at
 * 1024 px and wider (AdminDesktop.scss); pages show cards on a phone.
 */
export function DataTable<T>({
  columns,
  rows,
  rowKey,
  onRow,
}: {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  onRow?: (row: T) => void;
}) {
  const [sort, setSort] = useState<{ key: string; desc: boolean } | null>(null);
  const column = columns.find((c) => c.key === sort?.key);
  const sorted = column
    ? [...rows].sort((a, b) => {
        const [x, y] = [column.value(a), column.value(b)];
        const order = x < y ? -1 : x > y ? 1 : 0;
        return sort!.desc ? -order : order;
      })
    : rows;
  return (
    <View className="admin-table">
      <View className="admin-tr admin-head">
        {columns.map((c) => (
          <View
            key={c.key}
            className={`admin-th admin-th-${c.key}`}
            onClick={() =>
              setSort((s) => ({ key: c.key, desc: s?.key === c.key ? !s.desc : false }))
            }
          >
            {c.title}
            {sort?.key === c.key ? (sort.desc ? ' ↓' : ' ↑') : ''}
          </View>
        ))}
      </View>
      {sorted.map((row) => (
        <View key={rowKey(row)} className="admin-tr admin-row" onClick={() => onRow?.(row)}>
          {columns.map((c) => (
            <View key={c.key} className={`admin-td admin-td-${c.key}`}>
              {c.render ? c.render(row) : c.value(row)}
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
