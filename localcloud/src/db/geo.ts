import { pathLeaves } from './paths';
import { isPlainObject } from './values';

/**
 * Geospatial queries on a sphere, as MongoDB's 2dsphere does them (edges are great-circle arcs,
 * distances in metres on a sphere of radius 6378.1 km): `$nearSphere` / `$near` with `$geometry`
 * (what `db.command.geoNear` sends), `$geoWithin` (`$geometry` Polygon or MultiPolygon, or
 * `$centerSphere`) and `$geoIntersects`, on fields holding GeoJSON (what `db.Geo.*` stores) or
 * legacy `[longitude, latitude]` pairs. Points on a boundary count as inside.
 */

export const EARTH_RADIUS_M = 6_378_100;
const EPS = 1e-12;

type Vec = [number, number, number];

class GeoError extends Error {}

/** A geometry as points, polylines and polygons (rings), on the unit sphere. */
export interface Shape {
  points: Vec[];
  lines: Vec[][];
  polygons: Vec[][][];
}

function toVec(lng: number, lat: number): Vec {
  const phi = (lat * Math.PI) / 180;
  const lambda = (lng * Math.PI) / 180;
  return [Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)];
}

const dot = (a: Vec, b: Vec) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec, b: Vec): Vec => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const norm = (a: Vec) => Math.sqrt(dot(a, a));
const scale = (a: Vec, k: number): Vec => [a[0] * k, a[1] * k, a[2] * k];
/** The angle between two unit vectors (radians), stable for small angles. */
const angle = (a: Vec, b: Vec) => Math.atan2(norm(cross(a, b)), dot(a, b));

function position(value: unknown, what: string): Vec {
  if (!Array.isArray(value) || value.length < 2 || typeof value[0] !== 'number' || typeof value[1] !== 'number') {
    throw new GeoError(`${what}: a position must be [longitude, latitude]`);
  }
  const [lng, lat] = value as [number, number];
  if (lng < -180 || lng > 180 || lat < -90 || lat > 90) throw new GeoError(`${what}: longitude/latitude out of bounds: [${lng}, ${lat}]`);
  return toVec(lng, lat);
}

function ring(value: unknown, what: string): Vec[] {
  if (!Array.isArray(value) || value.length < 4) throw new GeoError(`${what}: a polygon ring needs at least 4 positions (closed)`);
  const points = value.map((p) => position(p, what));
  if (angle(points[0], points[points.length - 1]) > EPS)
    throw new GeoError(`${what}: a polygon ring must be closed (first position = last)`);
  return points.slice(0, -1);
}

const line = (value: unknown, what: string): Vec[] => {
  if (!Array.isArray(value) || value.length < 2) throw new GeoError(`${what}: a line needs at least 2 positions`);
  return value.map((p) => position(p, what));
};
const polygon = (value: unknown, what: string): Vec[][] => {
  if (!Array.isArray(value) || value.length === 0) throw new GeoError(`${what}: a polygon needs at least one ring`);
  return value.map((r) => ring(r, what));
};
const list = (value: unknown, what: string): unknown[] => {
  if (!Array.isArray(value)) throw new GeoError(`${what}: coordinates must be an array`);
  return value;
};

/** A GeoJSON object as a Shape; throws on anything else. */
export function parseGeoJSON(value: unknown): Shape {
  if (!isPlainObject(value) || typeof value.type !== 'string') throw new GeoError('not a GeoJSON object');
  const shape: Shape = { points: [], lines: [], polygons: [] };
  const c = value.coordinates;
  const what = value.type;
  switch (value.type) {
    case 'Point':
      shape.points.push(position(c, what));
      break;
    case 'MultiPoint':
      for (const p of list(c, what)) shape.points.push(position(p, what));
      break;
    case 'LineString':
      shape.lines.push(line(c, what));
      break;
    case 'MultiLineString':
      for (const l of list(c, what)) shape.lines.push(line(l, what));
      break;
    case 'Polygon':
      shape.polygons.push(polygon(c, what));
      break;
    case 'MultiPolygon':
      for (const p of list(c, what)) shape.polygons.push(polygon(p, what));
      break;
    case 'GeometryCollection':
      for (const g of list(value.geometries, what)) {
        const inner = parseGeoJSON(g);
        shape.points.push(...inner.points);
        shape.lines.push(...inner.lines);
        shape.polygons.push(...inner.polygons);
      }
      break;
    default:
      throw new GeoError(`unknown GeoJSON type ${value.type}`);
  }
  return shape;
}

/** The geometries stored at a path: GeoJSON objects and legacy pairs (invalid values are skipped). */
export function shapesAt(doc: unknown, path: string): Shape[] {
  const out: Shape[] = [];
  const take = (v: unknown): boolean => {
    try {
      if (isPlainObject(v)) out.push(parseGeoJSON(v));
      else if (Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number'))
        out.push({ points: [position(v, 'point')], lines: [], polygons: [] });
      else return false;
      return true;
    } catch {
      return false;
    }
  };
  for (const leaf of pathLeaves(doc, path)) if (!take(leaf) && Array.isArray(leaf)) for (const item of leaf) take(item);
  return out;
}

/** Whether `p` lies on the arc from `a` to `b`. */
function onArc(p: Vec, a: Vec, b: Vec): boolean {
  return Math.abs(angle(a, p) + angle(p, b) - angle(a, b)) < 1e-10;
}

/** The points where two arcs meet (none, one, or for overlapping arcs an endpoint). */
function arcMeeting(a: Vec, b: Vec, c: Vec, d: Vec): Vec | null {
  const n1 = cross(a, b);
  const n2 = cross(c, d);
  const l = cross(n1, n2);
  const len = norm(l);
  if (len < EPS) {
    // Same great circle: they meet if an endpoint of one lies on the other.
    for (const [p, x, y] of [
      [c, a, b],
      [d, a, b],
      [a, c, d],
      [b, c, d],
    ] as Array<[Vec, Vec, Vec]>)
      if (onArc(p, x, y)) return p;
    return null;
  }
  for (const candidate of [scale(l, 1 / len), scale(l, -1 / len)]) if (onArc(candidate, a, b) && onArc(candidate, c, d)) return candidate;
  return null;
}

function ringEdges(points: Vec[]): Array<[Vec, Vec]> {
  return points.map((p, i) => [p, points[(i + 1) % points.length]]);
}

/** Inside a ring (or on it): the winding angle around `p` is a full turn. */
function inRing(p: Vec, points: Vec[]): boolean {
  let total = 0;
  for (const [a, b] of ringEdges(points)) {
    if (onArc(p, a, b)) return true;
    total += Math.atan2(dot(p, cross(a, b)), dot(a, b) - dot(a, p) * dot(b, p));
  }
  return Math.abs(total) > Math.PI;
}

function inPolygon(p: Vec, rings: Vec[][]): boolean {
  const [outer, ...holes] = rings;
  if (!inRing(p, outer)) return false;
  // On a hole's edge is still on the polygon; strictly inside a hole is not.
  return holes.every((hole) => !inRing(p, hole) || ringEdges(hole).some(([a, b]) => onArc(p, a, b)));
}

function segments(shape: Shape): Array<[Vec, Vec]> {
  const out: Array<[Vec, Vec]> = [];
  for (const l of shape.lines) for (let i = 0; i + 1 < l.length; i++) out.push([l[i], l[i + 1]]);
  for (const rings of shape.polygons) for (const r of rings) out.push(...ringEdges(r));
  return out;
}

const vertices = (shape: Shape): Vec[] => [...shape.points, ...shape.lines.flat(), ...shape.polygons.flat(2)];

/** Whether a point touches a shape: equals a point, lies on a line, or lies in/on a polygon. */
function touchesPoint(shape: Shape, p: Vec): boolean {
  return (
    shape.points.some((q) => angle(p, q) < 1e-10) ||
    shape.lines.some((l) => l.some((q, i) => i + 1 < l.length && onArc(p, q, l[i + 1]))) ||
    shape.polygons.some((rings) => inPolygon(p, rings))
  );
}

export function intersects(a: Shape, b: Shape): boolean {
  if (vertices(a).some((p) => touchesPoint(b, p)) || vertices(b).some((p) => touchesPoint(a, p))) return true;
  const segsB = segments(b);
  return segments(a).some(([p, q]) => segsB.some(([r, s]) => arcMeeting(p, q, r, s) !== null));
}

/** Whether `shape` lies within the polygons (all of it inside one of them, boundary included). */
export function withinPolygons(shape: Shape, container: Vec[][][]): boolean {
  const points = vertices(shape);
  const edges = container.flatMap((rings) => rings.flatMap(ringEdges));
  return container.some((rings) => {
    if (!points.every((p) => inPolygon(p, rings))) return false;
    // No edge of the shape may leave the polygon between its (inside) vertices.
    return segments(shape).every(([p, q]) =>
      edges.every(([r, s]) => {
        const meet = arcMeeting(p, q, r, s);
        return meet === null || angle(meet, p) < 1e-10 || angle(meet, q) < 1e-10 || onArc(p, r, s) || onArc(q, r, s);
      }),
    );
  });
}

/** The shortest great-circle distance (radians) from a point to a shape; 0 inside a polygon. */
export function distanceTo(p: Vec, shape: Shape): number {
  let best = Infinity;
  for (const q of shape.points) best = Math.min(best, angle(p, q));
  for (const [a, b] of segments(shape)) {
    best = Math.min(best, angle(p, a), angle(p, b));
    const n = cross(a, b);
    const nLen = norm(n);
    if (nLen < EPS) continue;
    const unit = scale(n, 1 / nLen);
    // The closest point of the great circle, if it lies within the arc.
    const projected = cross(cross(unit, p), unit);
    const pl = norm(projected);
    if (pl > EPS) {
      const foot = scale(projected, 1 / pl);
      if (onArc(foot, a, b)) best = Math.min(best, angle(p, foot));
    }
  }
  if (shape.polygons.some((rings) => inPolygon(p, rings))) best = 0;
  return best;
}

function geometryOperand(value: unknown, op: string): Shape {
  if (!isPlainObject(value) || !isPlainObject(value.$geometry)) throw new GeoError(`${op} needs {$geometry: <GeoJSON>}`);
  return parseGeoJSON(value.$geometry);
}

export function $geoIntersects(selector: string, value: unknown): (doc: Record<string, unknown>) => boolean {
  const query = geometryOperand(value, '$geoIntersects');
  return (doc) => shapesAt(doc, selector).some((shape) => intersects(shape, query));
}

export function $geoWithin(selector: string, value: unknown): (doc: Record<string, unknown>) => boolean {
  if (isPlainObject(value) && value.$centerSphere !== undefined) {
    const spec = value.$centerSphere;
    if (!Array.isArray(spec) || spec.length !== 2 || typeof spec[1] !== 'number' || spec[1] < 0) {
      throw new GeoError('$centerSphere needs [[longitude, latitude], radius in radians]');
    }
    const center = position(spec[0], '$centerSphere');
    const radius = spec[1];
    return (doc) => shapesAt(doc, selector).some((shape) => vertices(shape).every((p) => angle(center, p) <= radius + 1e-12));
  }
  const container = geometryOperand(value, '$geoWithin');
  if (container.points.length > 0 || container.lines.length > 0 || container.polygons.length === 0) {
    throw new GeoError('$geoWithin $geometry must be a Polygon or a MultiPolygon');
  }
  return (doc) => shapesAt(doc, selector).some((shape) => withinPolygons(shape, container.polygons));
}

/** A `$nearSphere` / `$near` operand: the point and the distance band in radians. */
export interface NearSpec {
  point: Vec;
  minRad: number;
  maxRad: number;
}

export function parseNear(value: unknown, op: string): NearSpec {
  if (Array.isArray(value)) return { point: position(value, op), minRad: 0, maxRad: Infinity }; // a legacy pair
  if (!isPlainObject(value) || !isPlainObject(value.$geometry)) {
    throw new GeoError(`${op} needs {$geometry: {type: "Point", coordinates: [lng, lat]}, $maxDistance?, $minDistance?}`);
  }
  const g = value.$geometry;
  if (g.type !== 'Point') throw new GeoError(`${op} $geometry must be a Point`);
  const distance = (key: string, fallback: number): number => {
    const d = value[key];
    if (d === undefined || d === null) return fallback;
    if (typeof d !== 'number' || d < 0 || Number.isNaN(d)) throw new GeoError(`${op} ${key} must be a non-negative number`);
    return d / EARTH_RADIUS_M; // metres
  };
  return { point: position(g.coordinates, op), minRad: distance('$minDistance', 0), maxRad: distance('$maxDistance', Infinity) };
}

/** Distance (radians) from the near point to the closest geometry at `selector`, or null. */
export function nearDistance(doc: unknown, selector: string, near: NearSpec): number | null {
  let best: number | null = null;
  for (const shape of shapesAt(doc, selector)) {
    const d = distanceTo(near.point, shape);
    if (best === null || d < best) best = d;
  }
  return best;
}

export function nearOperator(op: string) {
  return (selector: string, value: unknown): ((doc: Record<string, unknown>) => boolean) => {
    const near = parseNear(value, op);
    return (doc) => {
      const d = nearDistance(doc, selector, near);
      return d !== null && d >= near.minRad - 1e-15 && d <= near.maxRad + 1e-15;
    };
  };
}

/** A query's `$near` / `$nearSphere` (top level, at most one), for sorting by distance. */
export function findNear(filter: Record<string, unknown>): { field: string; spec: NearSpec } | null {
  let found: { field: string; spec: NearSpec } | null = null;
  const visit = (node: unknown, topLevel: boolean): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item, false);
      return;
    }
    if (!isPlainObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (isPlainObject(value) && ('$near' in value || '$nearSphere' in value)) {
        if (!topLevel || key.startsWith('$')) throw new GeoError('geoNear must be top-level expr');
        if (found) throw new GeoError('Too many geoNear expressions');
        const op = '$near' in value ? '$near' : '$nearSphere';
        found = { field: key, spec: parseNear(value[op], op) };
      }
      if (key.startsWith('$')) visit(value, false);
      else if (isPlainObject(value)) for (const [k, inner] of Object.entries(value)) if (k.startsWith('$')) visit(inner, false);
    }
  };
  visit(filter, true);
  return found;
}
