// Connects the real wx-server-sdk to the local cloud by replacing only the layer under it that
// would send requests to Tencent (in @cloudbase/node-sdk): the database requester, the WeChat
// Pay and openapi transports, and function-to-function calls. Everything above, the SDK's own
// serialization, validation, result shapes and error mapping, runs unchanged.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { DatabaseExecutor } from '../database/executor';
import type { FunctionHost } from '../runtime/function-host';
import { currentInvocationEnv } from '../runtime/invocation-env';
import { countRequest, currentRequestCounter } from '../runtime/request-counter';
import type { OpenApiRecorder } from '../openapi/recorder';
import { decodeRequest, encodeResponse } from '../openapi/wire';
import type { PaySandbox } from '../pay/sandbox';
import type { FileStorage } from '../storage/file-storage';
import { answerStorage } from '../storage/storage-api';

export interface Backends {
  database: DatabaseExecutor;
  functions: FunctionHost;
  openapi: OpenApiRecorder;
  pay: PaySandbox;
  storage: FileStorage;
}

function nodeSdkModule(relative: string): any {
  const sdkDir = path.dirname(require.resolve('wx-server-sdk/package.json'));
  const root = path.dirname(
    require.resolve('@cloudbase/node-sdk/package.json', { paths: [sdkDir] }),
  );
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- node-sdk internals have no exports map
  return require(path.join(root, 'dist', relative));
}

/** Who is calling, as the invocation's environment says. */
function caller() {
  const env = currentInvocationEnv() ?? {};
  return { openid: env.WX_OPENID, unionid: env.WX_UNIONID, functionName: env.SCF_FUNCTIONNAME };
}

export function installSdkHooks(backends: Backends): void {
  // Database: node-sdk resets Db.reqClass on every cloud.database() call, so patch the class.
  // Each send is one request to CloudBase (a transaction's start, reads, writes and commit each
  // are one), counted for the invocation that makes it.
  const { TcbDBApiHttpRequester } = nodeSdkModule('utils/tcbdbapirequester.js');
  TcbDBApiHttpRequester.prototype.send = function send(action: string, data: Record<string, any>) {
    countRequest();
    return backends.database.send(action, data);
  };

  // Cloud storage: node-sdk sends storage.* actions through its API requester (an upload then
  // PUTs the bytes to the URL it was given, here the gateway). Other actions pass through.
  const apiRequester = nodeSdkModule('utils/tcbapirequester.js');
  const { processReturn } = nodeSdkModule('utils/utils.js');
  const sendApi = apiRequester.request;
  apiRequester.request = async function request(args: { params: Record<string, any> }) {
    const action = String(args?.params?.action ?? '');
    if (!action.startsWith('storage.')) return sendApi.call(this, args);
    const reply = answerStorage(backends.storage, action, args.params);
    return 'code' in reply ? processReturn(reply) : reply;
  };

  const { CloudBase } = nodeSdkModule('cloudbase.js');

  // cloud.cloudPay.*: the SDK sends a snake_case JSON buffer and expects one back.
  CloudBase.prototype.callWxPayApi = async function callWxPayApi(options: {
    apiName: string;
    requestData: Buffer;
  }) {
    const data = JSON.parse(Buffer.from(options.requestData).toString('utf8'));
    const reply = await backends.pay.call(options.apiName, data, caller());
    return Buffer.from(JSON.stringify(reply));
  };

  // cloud.openapi.*: protobuf envelope in, protobuf envelope out.
  CloudBase.prototype.callCompatibleWxOpenApi = async function callCompatibleWxOpenApi(options: {
    apiName: string;
    requestData: Buffer;
  }) {
    const data = decodeRequest(options.requestData);
    const reply = await backends.openapi.call(
      options.apiName,
      data as Record<string, any>,
      caller(),
    );
    return encodeResponse(reply.body, reply.contentType);
  };

  // cloud.callFunction from inside a function: invoke locally, same user, like production.
  CloudBase.prototype.callFunction = async function callFunction(options: {
    name: string;
    data?: unknown;
  }) {
    const requestId = randomUUID();
    const who = currentInvocationEnv() ?? {};
    if (!backends.functions.has(options.name)) {
      return {
        requestId,
        code: 'FUNCTIONS_REQUEST_FAIL',
        message: `FunctionName parameter could not be found: ${options.name}`,
      };
    }
    try {
      const result = await backends.functions.invoke(
        options.name,
        options.data ?? {},
        {
          openid: who.WX_OPENID,
          unionid: who.WX_UNIONID,
          // getWXContext().SOURCE lists the chain, e.g. "wx_client,scf".
          source: who.TCB_SOURCE ? `${who.TCB_SOURCE},scf` : 'scf',
        },
        // The callee's requests are part of what the caller's invocation costs.
        currentRequestCounter(),
      );
      return { requestId, result: JSON.parse(JSON.stringify(result ?? null)) };
    } catch (e) {
      return { requestId, code: 'FUNCTIONS_EXECUTE_FAIL', message: (e as Error).message };
    }
  };
}
