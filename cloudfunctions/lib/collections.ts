// The database collections the shop uses and the indexes each needs.
//
// This list is the single source of truth: the local cloud creates these collections and
// indexes on start, and dist/cloudfunctions/collections.json (written by the build) is what to
// create in the CloudBase console before deploying. Queries by `_id` need no index; add one here
// for every field a function queries by equality on a large collection.
export interface CollectionSpec {
  name: string;
  indexes?: { fields: string[]; unique?: boolean }[];
}

export const COLLECTIONS: CollectionSpec[] = [];
