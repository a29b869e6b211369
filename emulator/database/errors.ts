// Error replies in CloudBase's shape: `{code, message}` with the string codes the SDK maps to
// numbers (see wx-server-sdk's TCB_ERR_CODE), e.g. DATABASE_COLLECTION_NOT_EXIST -> -502005.
export class DbError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const collectionNotExist = (name: string) =>
  new DbError(
    'DATABASE_COLLECTION_NOT_EXIST',
    `[ResourceNotFound] Db or Table not exist: ${name}. Please check your request, but if the problem cannot be solved, contact us.`,
  );

export const collectionAlreadyExists = (name: string) =>
  new DbError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceInUse] Table exist: ${name}`);

// CloudBase documents DATABASE_DUPLICATE_WRITE for an index key (or _id) written twice.
export const duplicateKey = (collection: string, index: string, key: string) =>
  new DbError(
    'DATABASE_DUPLICATE_WRITE',
    `[FailedOperation] E11000 duplicate key error collection: ${collection} index: ${index} dup key: ${key}`,
  );

export const invalidParam = (message: string) => new DbError('INVALID_PARAM', message);

export const requestFailed = (message: string) => new DbError('DATABASE_REQUEST_FAILED', message);

export const transactionConflict = () =>
  new DbError(
    'DATABASE_TRANSACTION_CONFLICT',
    '[ResourceUnavailable.TransactionConflict] Transaction is conflicted.',
  );
