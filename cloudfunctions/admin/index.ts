// admin: staff-only actions (handlers.ts), called from the mini-program as the WeChat user. The
// same actions are reached from a desktop browser through the HTTP access service (adminHttp),
// as a signed-in staff session.
import { createHandler } from '../lib/infra/router';
import { adminHandlers } from './handlers';

export const main = createHandler('admin', adminHandlers);
