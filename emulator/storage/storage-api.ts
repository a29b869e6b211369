// The storage requests wx-server-sdk (through @cloudbase/node-sdk) sends to CloudBase, answered
// from the local FileStorage in the shapes the SDK reads: an upload ticket (the SDK then PUTs the
// bytes to its URL on the gateway), download URLs per file, deletions per file. Per-file errors
// are codes in the list (the SDK maps them to statuses); a bad request is an error reply.
import crypto from 'node:crypto';
import { cloudPathProblem, type FileStorage } from './file-storage';

type Reply = { requestId: string; data: Record<string, unknown> } | ErrorReply;
type ErrorReply = { requestId: string; code: string; message: string };

const MISSING = 'STORAGE_FILE_NONEXIST';
/** How long a download URL is said to last when the caller asks for none (CloudBase: a day). */
const DEFAULT_MAX_AGE_S = 86_400;

export function answerStorage(
  storage: FileStorage,
  action: string,
  params: Record<string, any>,
): Reply {
  const requestId = crypto.randomUUID();
  const fail = (code: string, message: string): ErrorReply => ({ requestId, code, message });
  switch (action) {
    case 'storage.getUploadMetadata': {
      const cloudPath = params.path;
      const problem = cloudPathProblem(cloudPath);
      if (problem) return fail('INVALID_PARAM', problem);
      const fileId = storage.fileId(cloudPath);
      return {
        requestId,
        data: {
          url: storage.url(cloudPath),
          token: 'local-token',
          authorization: storage.uploadSignature(cloudPath),
          fileId,
          cosFileId: crypto.randomBytes(8).toString('hex'),
          download_url: storage.url(cloudPath),
        },
      };
    }
    case 'storage.batchGetDownloadUrl': {
      const list: { fileid: unknown; max_age?: number }[] = params.file_list ?? [];
      if (list.length > 50) return fail('INVALID_PARAM', 'fileList 最多 50 个');
      return {
        requestId,
        data: {
          download_list: list.map(({ fileid, max_age }) => {
            const cloudPath = storage.pathOf(fileid);
            const found = cloudPath !== null && storage.exists(cloudPath);
            return {
              fileID: fileid,
              tempFileURL: found ? storage.url(cloudPath) : '',
              code: found ? 'SUCCESS' : MISSING,
              maxAge: max_age ?? DEFAULT_MAX_AGE_S,
            };
          }),
        },
      };
    }
    case 'storage.batchDeleteFile': {
      const list: unknown[] = params.fileid_list ?? [];
      if (list.length > 50) return fail('INVALID_PARAM', 'fileList 最多 50 个');
      return {
        requestId,
        data: {
          delete_list: list.map((fileid) => {
            const cloudPath = storage.pathOf(fileid);
            const removed = cloudPath !== null && storage.remove(cloudPath);
            return { fileID: fileid, code: removed ? 'SUCCESS' : MISSING };
          }),
        },
      };
    }
    default:
      return fail('INVALID_PARAM', `storage action ${action} is not emulated`);
  }
}
