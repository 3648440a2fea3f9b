import { isDeepStrictEqual } from 'node:util';
import { Decimal128, Long } from 'bson';
import { bsonTypeTest } from './queryOperators';
import { isPlainObject } from './values';

/**
 * MongoDB's `$jsonSchema` query operator: JSON Schema draft 4 (without `$ref`, `$schema`,
 * `default`, `definitions`, `format`, `id`) plus `bsonType`. A keyword applies only to values of
 * the type it is about (`minLength` to strings, `properties` to documents, …); `type` knows no
 * "integer" (MongoDB refuses it: use `bsonType: "int"`). An invalid schema fails the query.
 */

class SchemaError extends Error {}

type Check = (value: unknown) => boolean;

const UNSUPPORTED = new Set(['$ref', '$schema', 'default', 'definitions', 'format', 'id']);
const JSON_TYPES: Record<string, Check> = {
  object: isPlainObject,
  array: Array.isArray,
  number: (v) => typeof v === 'number' || v instanceof Long || v instanceof Decimal128,
  boolean: (v) => typeof v === 'boolean',
  string: (v) => typeof v === 'string',
  null: (v) => v === null,
};

const isNumber = (v: unknown): v is number => typeof v === 'number';
const isString = (v: unknown): v is string => typeof v === 'string';
const codePoints = (s: string) => [...s].length;

function need<T>(ok: boolean, keyword: string, what: string, value: T): T {
  if (!ok) throw new SchemaError(`$jsonSchema keyword '${keyword}' must be ${what}`);
  return value;
}

function nonNegativeInt(schema: Record<string, unknown>, keyword: string): number {
  const v = schema[keyword];
  return need(isNumber(v) && Number.isInteger(v) && v >= 0, keyword, 'a non-negative integer', v as number);
}

function compileList(schema: Record<string, unknown>, keyword: string): Check[] {
  const list = schema[keyword];
  need(Array.isArray(list) && list.length > 0, keyword, 'a non-empty array of schemas', list);
  return (list as unknown[]).map(compile);
}

export function compile(schema: unknown): Check {
  if (!isPlainObject(schema)) throw new SchemaError('$jsonSchema must be an object');
  const checks: Check[] = [];
  /** Adds a check that applies only to values passing `applies`. */
  const on = (applies: Check, check: Check) => checks.push((v) => !applies(v) || check(v));

  for (const [keyword, arg] of Object.entries(schema)) {
    if (UNSUPPORTED.has(keyword)) throw new SchemaError(`$jsonSchema keyword '${keyword}' is not currently supported`);
    switch (keyword) {
      case 'title':
      case 'description':
        need(isString(arg), keyword, 'a string', arg);
        break;
      case 'type': {
        const names = Array.isArray(arg) ? arg : [arg];
        const tests = names.map((n: unknown) => {
          if (n === 'integer') throw new SchemaError("$jsonSchema type 'integer' is not currently supported.");
          return need(isString(n) && n in JSON_TYPES, keyword, 'a JSON type name or an array of them', JSON_TYPES[n as string]);
        });
        checks.push((v) => tests.some((test) => test(v)));
        break;
      }
      case 'bsonType':
        checks.push(bsonTypeTest(arg));
        break;
      case 'enum':
        need(Array.isArray(arg) && arg.length > 0, keyword, 'a non-empty array', arg);
        checks.push((v) => (arg as unknown[]).some((e) => isDeepStrictEqual(e, v)));
        break;
      case 'minimum':
      case 'maximum': {
        const limit = need(isNumber(arg), keyword, 'a number', arg as number);
        const exclusive = schema[keyword === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum'] === true;
        on(isNumber, (v) => {
          const n = v as number;
          if (keyword === 'minimum') return exclusive ? n > limit : n >= limit;
          return exclusive ? n < limit : n <= limit;
        });
        break;
      }
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        need(typeof arg === 'boolean', keyword, 'a boolean', arg);
        need(
          keyword === 'exclusiveMinimum' ? 'minimum' in schema : 'maximum' in schema,
          keyword,
          `used with '${keyword === 'exclusiveMinimum' ? 'minimum' : 'maximum'}'`,
          arg,
        );
        break;
      case 'multipleOf': {
        const factor = need(isNumber(arg) && arg > 0, keyword, 'a positive number', arg as number);
        on(isNumber, (v) => Number.isInteger((v as number) / factor));
        break;
      }
      case 'minLength':
      case 'maxLength': {
        const n = nonNegativeInt(schema, keyword);
        on(isString, (v) => (keyword === 'minLength' ? codePoints(v as string) >= n : codePoints(v as string) <= n));
        break;
      }
      case 'pattern': {
        const re = new RegExp(need(isString(arg), keyword, 'a string', arg as string), 'u');
        on(isString, (v) => re.test(v as string));
        break;
      }
      case 'minItems':
      case 'maxItems': {
        const n = nonNegativeInt(schema, keyword);
        on(Array.isArray, (v) => (keyword === 'minItems' ? (v as unknown[]).length >= n : (v as unknown[]).length <= n));
        break;
      }
      case 'uniqueItems':
        if (need(typeof arg === 'boolean', keyword, 'a boolean', arg)) {
          on(Array.isArray, (v) => (v as unknown[]).every((a, i, all) => all.findIndex((b) => isDeepStrictEqual(a, b)) === i));
        }
        break;
      case 'items': {
        if (Array.isArray(arg)) {
          const positional = arg.map(compile);
          const extra = schema.additionalItems;
          const rest: Check = extra === undefined || extra === true ? () => true : extra === false ? () => false : compile(extra);
          on(Array.isArray, (v) => (v as unknown[]).every((e, i) => (i < positional.length ? positional[i](e) : rest(e))));
        } else {
          const each = compile(arg);
          on(Array.isArray, (v) => (v as unknown[]).every(each));
        }
        break;
      }
      case 'additionalItems':
        need(typeof arg === 'boolean' || isPlainObject(arg), keyword, 'a boolean or a schema', arg);
        break;
      case 'minProperties':
      case 'maxProperties': {
        const n = nonNegativeInt(schema, keyword);
        on(isPlainObject, (v) =>
          keyword === 'minProperties' ? Object.keys(v as object).length >= n : Object.keys(v as object).length <= n,
        );
        break;
      }
      case 'required': {
        const names = need(
          Array.isArray(arg) && arg.length > 0 && arg.every(isString),
          keyword,
          'a non-empty array of strings',
          arg as string[],
        );
        on(isPlainObject, (v) => names.every((name) => Object.hasOwn(v as object, name)));
        break;
      }
      case 'properties':
      case 'patternProperties':
      case 'additionalProperties':
        break; // handled together below
      case 'dependencies': {
        const deps = need(isPlainObject(arg), keyword, 'an object', arg as Record<string, unknown>);
        const rules = Object.entries(deps).map(([name, dep]): [string, Check] => {
          if (Array.isArray(dep)) return [name, (v) => dep.every((d) => Object.hasOwn(v as object, String(d)))];
          return [name, compile(dep)];
        });
        on(isPlainObject, (v) => rules.every(([name, check]) => !Object.hasOwn(v as object, name) || check(v)));
        break;
      }
      case 'allOf': {
        const all = compileList(schema, keyword);
        checks.push((v) => all.every((c) => c(v)));
        break;
      }
      case 'anyOf': {
        const any = compileList(schema, keyword);
        checks.push((v) => any.some((c) => c(v)));
        break;
      }
      case 'oneOf': {
        const one = compileList(schema, keyword);
        checks.push((v) => one.filter((c) => c(v)).length === 1);
        break;
      }
      case 'not': {
        const inner = compile(arg);
        checks.push((v) => !inner(v));
        break;
      }
      default:
        throw new SchemaError(`Unknown $jsonSchema keyword: ${keyword}`);
    }
  }

  if ('properties' in schema || 'patternProperties' in schema || 'additionalProperties' in schema) {
    const properties = Object.entries(
      need(
        schema.properties === undefined || isPlainObject(schema.properties),
        'properties',
        'an object',
        schema.properties ?? {},
      ) as Record<string, unknown>,
    ).map(([name, s]): [string, Check] => [name, compile(s)]);
    const patterns = Object.entries(
      need(
        schema.patternProperties === undefined || isPlainObject(schema.patternProperties),
        'patternProperties',
        'an object',
        schema.patternProperties ?? {},
      ) as Record<string, unknown>,
    ).map(([pattern, s]): [RegExp, Check] => [new RegExp(pattern, 'u'), compile(s)]);
    const extra = schema.additionalProperties;
    need(extra === undefined || typeof extra === 'boolean' || isPlainObject(extra), 'additionalProperties', 'a boolean or a schema', extra);
    const additional: Check = extra === undefined || extra === true ? () => true : extra === false ? () => false : compile(extra);
    on(isPlainObject, (v) =>
      Object.entries(v as Record<string, unknown>).every(([name, value]) => {
        let covered = false;
        for (const [prop, check] of properties) {
          if (prop !== name) continue;
          covered = true;
          if (!check(value)) return false;
        }
        for (const [re, check] of patterns) {
          if (!re.test(name)) continue;
          covered = true;
          if (!check(value)) return false;
        }
        return covered || additional(value);
      }),
    );
  }
  return (value) => checks.every((check) => check(value));
}

/** The `$jsonSchema` query operator (top level: it validates the whole document). */
export function $jsonSchema(_selector: string, schema: unknown): (doc: Record<string, unknown>) => boolean {
  return compile(schema);
}
