import { Aggregator } from 'mingo/aggregator';
import { Context, ProcessingMode } from 'mingo/core';
import { Lazy, type Iterator } from 'mingo/lazy';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { Query } from 'mingo/query';
import type { AnyObject, Options } from 'mingo/types';
import { update } from 'mingo/updater';
import { $indexOfCP, $substr, $substrBytes, $week } from './expressionOperators';
import { $geoIntersects, $geoWithin, EARTH_RADIUS_M, nearDistance, nearOperator, parseNear } from './geo';
import { $jsonSchema } from './jsonSchema';
import { $elemMatch, $exists, $mod, $size, $type } from './queryOperators';
import { isPlainObject } from './values';

/**
 * The query engine: mingo's operators, with the ones MongoDB (and so CloudBase) evaluates
 * differently replaced by ports of MongoDB's behaviour, plus what mingo lacks (geo, `$indexOfCP`,
 * `$jsonSchema` without a validator). Built on mingo's core classes: its default entry points
 * merge contexts so that their own operators win over ours.
 */

const OVERRIDES = {
  query: {
    $exists,
    $size,
    $mod,
    $type,
    $elemMatch,
    $jsonSchema,
    $geoWithin,
    $geoIntersects,
    $near: nearOperator('$near'),
    $nearSphere: nearOperator('$nearSphere'),
  },
  expression: { $week, $indexOfCP, $substr, $substrBytes },
};

function contextWith(pipeline: Record<string, unknown> = {}): Context {
  const operators = {
    accumulator: { ...accumulatorOperators },
    expression: { ...expressionOperators, ...OVERRIDES.expression },
    pipeline: { ...pipelineOperators, ...pipeline },
    projection: { ...projectionOperators },
    query: { ...queryOperators, ...OVERRIDES.query },
    window: { ...windowOperators },
  };
  // mingo types its operator tables by intersecting every operator's signature; ours match at runtime.
  return Context.init(operators as unknown as Parameters<typeof Context.init>[0]);
}

const CONTEXT = contextWith();

const baseOptions = (): Partial<Options> => ({ context: CONTEXT, scriptEnabled: false });

export class EngineError extends Error {}

/** A compiled filter. Throws for a malformed one (unknown operator, bad operand). */
export function compileFilter(filter: Record<string, unknown>): (doc: Record<string, unknown>) => boolean {
  const query = new Query(filter, baseOptions());
  return (doc) => query.test(doc);
}

/** Orders (as MongoDB orders values), pages and projects already-matched documents. */
export function select<T extends AnyObject>(
  docs: T[],
  options: { sort?: Record<string, 1 | -1>; skip: number; limit: number; projection?: Record<string, unknown> },
): T[] {
  let cursor = new Query({}, baseOptions()).find<T>(docs, options.projection as Parameters<Query['find']>[1]);
  if (options.sort) cursor = cursor.sort(options.sort);
  return cursor.skip(options.skip).limit(options.limit).all();
}

/** Applies an update modifier to `draft` in place; answers the fields it changed. */
export function applyModifier(draft: AnyObject, modifier: Record<string, unknown>, positionalFilter?: Record<string, unknown>): string[] {
  return update(draft, modifier, undefined, positionalFilter, { queryOptions: baseOptions() });
}

/** What the `$geoNear` stage needs from the database: which 2dsphere field to use. */
export interface GeoNearResolver {
  /** The field for `key` (or the collection's only 2dsphere field); throws if there is none. */
  geoField(key: string | undefined): string;
}

/**
 * The `$geoNear` stage (`db.collection().aggregate().geoNear({...})`): documents near `near`,
 * nearest first, with the distance (metres, times `distanceMultiplier`) in `distanceField`.
 */
function geoNearStage(resolver: GeoNearResolver) {
  return (collection: Iterator, expr: AnyObject, options: Options): Iterator => {
    if (!isPlainObject(expr)) throw new EngineError('$geoNear needs an object');
    if (typeof expr.distanceField !== 'string' || expr.distanceField === '') throw new EngineError('$geoNear requires a distanceField');
    if (expr.near === undefined) throw new EngineError('$geoNear requires a near argument');
    const field = resolver.geoField(typeof expr.key === 'string' ? expr.key : undefined);
    const near = parseNear(
      Array.isArray(expr.near) ? expr.near : { $geometry: expr.near, $maxDistance: expr.maxDistance, $minDistance: expr.minDistance },
      '$geoNear',
    );
    const filter = isPlainObject(expr.query) ? new Query(expr.query, options) : null;
    const multiplier = typeof expr.distanceMultiplier === 'number' ? expr.distanceMultiplier : 1;
    const metres = !Array.isArray(expr.near);
    const rows: Array<[number, AnyObject]> = [];
    for (const doc of collection.collect() as AnyObject[]) {
      if (filter && !filter.test(doc)) continue;
      const d = nearDistance(doc, field, near);
      if (d === null || d < near.minRad || d > near.maxRad) continue;
      rows.push([d, doc]);
    }
    rows.sort((a, b) => a[0] - b[0]);
    return Lazy(
      rows.map(([d, doc]) => {
        const out = { ...doc };
        setPath(out, expr.distanceField as string, (metres ? d * EARTH_RADIUS_M : d) * multiplier);
        if (typeof expr.includeLocs === 'string') setPath(out, expr.includeLocs, getPath(doc, field));
        return out;
      }),
    );
  };
}

function getPath(doc: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, part) => (isPlainObject(v) ? v[part] : undefined), doc);
}

function setPath(doc: AnyObject, path: string, value: unknown): void {
  const parts = path.split('.');
  let target: AnyObject = doc;
  for (const part of parts.slice(0, -1)) {
    const next = target[part];
    target = target[part] = isPlainObject(next) ? { ...next } : {};
  }
  target[parts[parts.length - 1]] = value;
}

/** Runs an aggregation pipeline over copies of `docs`. */
export function runPipeline(
  docs: AnyObject[],
  pipeline: Array<Record<string, unknown>>,
  resolver: GeoNearResolver & { collection(name: string): AnyObject[] },
): AnyObject[] {
  const aggregator = new Aggregator(pipeline, {
    context: contextWith({ $geoNear: geoNearStage(resolver) }),
    processingMode: ProcessingMode.CLONE_INPUT,
    scriptEnabled: false, // no $where / $function / $accumulator code from requests
    collectionResolver: (name: string) => resolver.collection(name),
  });
  return aggregator.run<AnyObject>(docs);
}
