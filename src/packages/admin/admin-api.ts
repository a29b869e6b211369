// The admin's cloud calls (the admin function's actions), kept in the subpackage so the main
// package does not carry them. Typed by the API contract like every call.
import type { ActionName, InputOf } from '@domain/api/contract';
import { callCloud } from '../../services/cloud';

type In<A extends ActionName<'admin'>> = InputOf<'admin', A>;

export const adminApi = {
  whoami: () => callCloud('admin', 'whoami', {}),
  skus: (input: In<'skus'>) => callCloud('admin', 'skus', input),
  stockLedger: (skuId: string) => callCloud('admin', 'stockLedger', { skuId }),
  adjustStock: (input: In<'adjustStock'>) => callCloud('admin', 'adjustStock', input),
  setStock: (input: In<'setStock'>) => callCloud('admin', 'setStock', input),
  bulkStock: (input: In<'bulkStock'>) => callCloud('admin', 'bulkStock', input),
  setLowStockThreshold: (skuId: string, threshold: number) =>
    callCloud('admin', 'setLowStockThreshold', { skuId, threshold }),
  staffList: () => callCloud('admin', 'staffList', {}),
  saveStaff: (input: In<'saveStaff'>) => callCloud('admin', 'saveStaff', input),
  removeStaff: (openid: string) => callCloud('admin', 'removeStaff', { openid }),
};

export const newRequestId = () =>
  `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
