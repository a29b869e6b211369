// Products for staff: search and category, a table on a desktop and cards on a phone, on/off sale,
// and the way to a new product or an edit.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { AdminProductRow } from '@domain/api/views';
import { formatYuan } from '@domain/money';
import { useCloudData } from '../../../hooks/useCloudData';
import { api } from '../../../services/api';
import { Empty, ErrorState, Loading } from '../../../components/StateView';
import { CloudImage } from '../../../components/CloudImage';
import { AdminShell } from '../components/AdminShell';
import { DataTable, type Column } from '../components/DataTable';
import { adminApi } from '../admin-api';
import '../admin.scss';

const edit = (id?: string) =>
  Taro.navigateTo({
    url: `/packages/admin/product/index${id ? `?id=${encodeURIComponent(id)}` : ''}`,
  });

function ProductsContent() {
  const [keyword, setKeyword] = useState('');
  const [filters, setFilters] = useState<{ keyword?: string; categoryId?: string }>({});
  const list = useCloudData(() => adminApi.products(filters), [filters]);
  const categories = useCloudData(() => api.category(), [], { refreshOnShow: false });
  const categoryName = (id: string) =>
    categories.data?.categories.find((c) => c.id === id)?.name ?? id;
  const toggle = async (p: AdminProductRow) => {
    const res = await adminApi.setProductOnSale(p.id, !p.onSale);
    void Taro.showToast({
      title: res.ok ? (p.onSale ? '已下架' : '已上架') : res.message,
      icon: 'none',
    });
    await list.refresh();
  };
  const columns: Column<AdminProductRow>[] = [
    { key: 'title', title: '商品', value: (p) => p.title },
    { key: 'category', title: '分类', value: (p) => categoryName(p.categoryId) },
    {
      key: 'price',
      title: '价格（起）',
      value: (p) => p.priceFen,
      render: (p) => formatYuan(p.priceFen),
    },
    { key: 'sort', title: '排序', value: (p) => p.sort },
    {
      key: 'status',
      title: '状态',
      value: (p) => (p.onSale ? '在售' : '已下架'),
      render: (p) => (
        <Text className="admin-toggle-sale" onClick={(e) => (e.stopPropagation(), void toggle(p))}>
          {p.onSale ? '在售 · 下架' : '已下架 · 上架'}
        </Text>
      ),
    },
  ];
  return (
    <>
      <Text className="admin-title">商品</Text>
      <View className="admin-toolbar">
        <Input
          className="admin-input"
          placeholder="搜索商品名"
          value={keyword}
          onInput={(e) => setKeyword(e.detail.value)}
          onConfirm={() => setFilters({ ...filters, keyword: keyword.trim() || undefined })}
        />
        <View
          className="admin-chip"
          onClick={() => setFilters({ ...filters, keyword: keyword.trim() || undefined })}
        >
          搜索
        </View>
        <View className="btn small admin-new-product" onClick={() => edit()}>
          新建商品
        </View>
      </View>
      <View className="admin-toolbar">
        <View
          className={`admin-chip${filters.categoryId ? '' : ' active'}`}
          onClick={() => setFilters({ ...filters, categoryId: undefined })}
        >
          全部分类
        </View>
        {categories.data?.categories.map((c) => (
          <View
            key={c.id}
            className={`admin-chip${filters.categoryId === c.id ? ' active' : ''}`}
            onClick={() => setFilters({ ...filters, categoryId: c.id })}
          >
            {c.name}
          </View>
        ))}
      </View>
      {list.error && !list.data ? <ErrorState message={list.error} onRetry={list.retry} /> : null}
      {!list.data ? <Loading /> : null}
      {list.data?.length === 0 ? <Empty text="没有符合条件的商品" /> : null}
      {list.data?.length ? (
        <>
          <DataTable
            columns={columns}
            rows={list.data}
            rowKey={(p) => p.id}
            onRow={(p) => edit(p.id)}
          />
          <View className="admin-cards">
            {list.data.map((p) => (
              <View key={p.id} className="admin-card admin-product-card" onClick={() => edit(p.id)}>
                <CloudImage className="admin-product-thumb" src={p.image} mode="aspectFill" />
                <Text>{`${p.title} · ${formatYuan(p.priceFen)} · ${p.onSale ? '在售' : '已下架'}`}</Text>
              </View>
            ))}
          </View>
        </>
      ) : null}
    </>
  );
}

export default function AdminProductsPage() {
  return (
    <AdminShell current="products">
      <ProductsContent />
    </AdminShell>
  );
}
