// Conformance probe for cloud storage: calls wx-server-sdk's storage API as a function would and
// returns the result, or what the SDK threw, so tests can check shapes exactly. File contents
// travel as base64.
import sdk from 'wx-server-sdk';

sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV as unknown as string });
const cloud: any = sdk;

type Event =
  | { op: 'upload'; cloudPath: unknown; base64?: string }
  | { op: 'download'; fileID: unknown }
  | { op: 'tempUrls'; fileList: unknown }
  | { op: 'delete'; fileList: unknown };

async function run(event: Event): Promise<unknown> {
  switch (event.op) {
    case 'upload':
      return cloud.uploadFile({
        cloudPath: event.cloudPath,
        fileContent: event.base64 === undefined ? undefined : Buffer.from(event.base64, 'base64'),
      });
    case 'download': {
      const res = await cloud.downloadFile({ fileID: event.fileID });
      return { ...res, fileContent: Buffer.from(res.fileContent).toString('base64') };
    }
    case 'tempUrls':
      return cloud.getTempFileURL({ fileList: event.fileList });
    case 'delete':
      return cloud.deleteFile({ fileList: event.fileList });
  }
}

export async function main(event: Event) {
  try {
    return { result: await run(event) };
  } catch (e) {
    const err = e as { errCode?: number; errMsg?: string; code?: string; message?: string };
    return {
      thrown: { errCode: err.errCode, errMsg: err.errMsg, code: err.code, message: err.message },
    };
  }
}
