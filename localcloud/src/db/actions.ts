import type { ActionTable, AdminRequest, AdminResponse } from '../admin/types';
import type { Clock } from '../clock';
import { CloudError, ErrorCodes, errorMessage } from '../errors';
import type { Database, SortSpec, UpdateSpec } from './database';
import { docToEJSON, parseEJSON, stringifyEJSON } from './ejson';
import type { IndexCatalog } from './indexes';
import type { Transaction } from './transactions';
import { isDocId, isPlainObject, type Doc } from './values';

/**
 * The `database.*` actions of the CloudBase admin API, as @cloudbase/database sends them
 * (see node_modules/@cloudbase/database/src/{query,document,collection,aggregate}.ts): queries,
 * updates, orders and projections arrive as canonical EJSON strings; documents go back as a list
 * of EJSON strings under `data.list`.
 */

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

function str(params: Record<string, unknown>, name: string): string {
  const value = params[name];
  if (typeof value !== 'string' || value === '') throw new CloudError(ErrorCodes.INVALID_PARAM, `missing parameter ${name}`);
  return value;
}

function int(params: Record<string, unknown>, name: string): number | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < 0) throw new CloudError(ErrorCodes.INVALID_PARAM, `${name} must be a non-negative integer`);
  return n;
}

function list(docs: Array<Doc | Record<string, unknown>>): string[] {
  return docs.map(docToEJSON);
}

export function createDatabaseActions(db: Database, catalog: IndexCatalog, clock: Clock): ActionTable {
  const now = () => clock.now();

  function object(params: Record<string, unknown>, name: string): Record<string, unknown> {
    const raw = params[name];
    if (raw === undefined || raw === null || raw === '') return {};
    let value: unknown;
    try {
      value = typeof raw === 'string' ? parseEJSON(raw, now) : raw;
    } catch (err) {
      throw new CloudError(ErrorCodes.INVALID_PARAM, `${name}: ${errorMessage(err)}`);
    }
    if (!isPlainObject(value)) throw new CloudError(ErrorCodes.INVALID_PARAM, `${name} must be an object`);
    return value;
  }

  function collection(params: Record<string, unknown>): string {
    const name = str(params, 'collectionName');
    if (!db.hasCollection(name)) {
      throw new CloudError(
        ErrorCodes.COLLECTION_NOT_EXIST,
        `[ResourceNotFound] Db or Table not exist: ${name}. database collection not exists`,
      );
    }
    return name;
  }

  function transaction(params: Record<string, unknown>): Transaction | undefined {
    const id = params.transactionId;
    return typeof id === 'string' && id ? db.transaction(id) : undefined;
  }

  function updateSpec(data: Record<string, unknown>, merge: boolean): UpdateSpec {
    const keys = Object.keys(data);
    const operators = keys.filter((k) => k.startsWith('$'));
    if (operators.length > 0) {
      if (operators.length !== keys.length) {
        throw new CloudError(ErrorCodes.INVALID_PARAM, 'an update cannot mix operators and plain fields');
      }
      return { kind: 'modifier', modifier: data };
    }
    return merge ? { kind: 'modifier', modifier: { $set: data } } : { kind: 'replace', doc: data };
  }

  const ok = (json: Record<string, unknown>): AdminResponse => ({ json });

  return {
    'database.getDocument': ({ params }: AdminRequest) => {
      const coll = collection(params);
      const filter = object(params, 'query');
      const txn = transaction(params);
      catalog.checkFilter(coll, 'get', filter);
      const limit = Math.min(int(params, 'limit') ?? DEFAULT_LIMIT, MAX_LIMIT) || DEFAULT_LIMIT;
      const offset = int(params, 'offset') ?? 0;
      const docs = db.find(
        coll,
        filter,
        { sort: object(params, 'order') as SortSpec, projection: object(params, 'projection'), skip: offset, limit },
        txn,
      );
      return ok({ data: { list: list(docs), offset, limit } });
    },

    'database.calculateDocument': ({ params }) => {
      const coll = collection(params);
      const filter = object(params, 'query');
      catalog.checkFilter(coll, 'count', filter);
      return ok({ data: { total: db.count(coll, filter, transaction(params)) } });
    },

    'database.insertDocument': async ({ params }) => {
      const coll = collection(params);
      const raw = params.data;
      const items = Array.isArray(raw) ? raw : [raw];
      const docs = items.map((item) => {
        const value = typeof item === 'string' ? parseEJSON(item, now) : item;
        if (!isPlainObject(value)) throw new CloudError(ErrorCodes.INVALID_PARAM, 'each document must be an object');
        return value;
      });
      if (docs.length === 0) throw new CloudError(ErrorCodes.INVALID_PARAM, 'no documents to insert');
      const { result, durable } = db.insert(coll, docs, transaction(params));
      await durable;
      return ok({ data: { insertedIds: result } });
    },

    'database.modifyDocument': async ({ params }) => {
      const coll = collection(params);
      const filter = object(params, 'query');
      catalog.checkFilter(coll, 'update', filter);
      const spec = updateSpec(object(params, 'data'), params.merge !== false);
      const { result, durable } = db.update(
        coll,
        filter,
        spec,
        { multi: params.multi === true, upsert: params.upsert === true },
        transaction(params),
      );
      await durable;
      return ok({ data: { updated: result.modified, matched: result.matched, upsert_id: result.upsertedId ?? null } });
    },

    'database.modifyAndReturnDoc': async ({ params }) => {
      const coll = collection(params);
      const filter = object(params, 'query');
      catalog.checkFilter(coll, 'update', filter);
      const spec = updateSpec(object(params, 'data'), true);
      const { result, durable } = db.update(coll, filter, spec, { multi: false, upsert: false }, transaction(params));
      await durable;
      return ok({ data: { updated: result.modified, doc: result.doc ? docToEJSON(result.doc) : null } });
    },

    'database.removeDocument': async ({ params }) => {
      const coll = collection(params);
      const filter = object(params, 'query');
      catalog.checkFilter(coll, 'remove', filter);
      const { result, durable } = db.remove(coll, filter, { multi: params.multi === true }, transaction(params));
      await durable;
      return ok({ data: { deleted: result } });
    },

    'database.aggregateDocuments': ({ params }) => {
      const coll = collection(params);
      const stages = params.stages;
      if (!Array.isArray(stages)) throw new CloudError(ErrorCodes.INVALID_PARAM, 'stages must be an array');
      const pipeline = stages.map((stage) => {
        if (!isPlainObject(stage) || typeof stage.stageKey !== 'string' || typeof stage.stageValue !== 'string') {
          throw new CloudError(ErrorCodes.INVALID_PARAM, 'each stage needs stageKey and stageValue');
        }
        return { [stage.stageKey]: parseEJSON(stage.stageValue, now) };
      });
      catalog.checkPipeline(coll, pipeline);
      return ok({ data: { list: list(db.aggregate(coll, pipeline)) } });
    },

    'database.addCollection': async ({ params }) => {
      await db.createCollection(str(params, 'collectionName'));
      return ok({});
    },

    'database.startTransaction': () => ok({ transactionId: db.startTransaction() }),

    'database.commitTransaction': async ({ params }) => {
      await db.commitTransaction(str(params, 'transactionId'));
      return ok({});
    },

    'database.abortTransaction': ({ params }) => {
      db.abortTransaction(str(params, 'transactionId'));
      return ok({});
    },

    // The older transaction protocol (@cloudbase/database/src/transaction.ts).
    'database.getInTransaction': ({ params }) => {
      const coll = collection(params);
      const id = params._id;
      if (!isDocId(id)) throw new CloudError(ErrorCodes.INVALID_PARAM, '_id is required');
      const [doc] = db.find(coll, { _id: id }, {}, transaction(params));
      return ok({ data: doc ? docToEJSON(doc) : 'null' });
    },

    'database.updateDocInTransaction': async ({ params }) => {
      const coll = collection(params);
      const id = params._id;
      if (!isDocId(id)) throw new CloudError(ErrorCodes.INVALID_PARAM, '_id is required');
      const upsert = params.upsert === true;
      const spec = updateSpec(object(params, 'data'), !upsert);
      const { result, durable } = db.update(coll, { _id: id }, spec, { multi: false, upsert }, transaction(params));
      await durable;
      return ok({
        updated: stringifyEJSON(result.modified),
        upserted: result.upsertedId === undefined ? null : JSON.stringify([{ _id: result.upsertedId }]),
      });
    },

    'database.deleteDocInTransaction': async ({ params }) => {
      const coll = collection(params);
      const id = params._id;
      if (!isDocId(id)) throw new CloudError(ErrorCodes.INVALID_PARAM, '_id is required');
      const { result, durable } = db.remove(coll, { _id: id }, { multi: false }, transaction(params));
      await durable;
      return ok({ deleted: stringifyEJSON(result) });
    },
  };
}
