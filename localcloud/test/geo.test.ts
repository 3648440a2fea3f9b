/**
 * Geo through the real wx-server-sdk: db.Geo types round-trip, and geoNear / geoWithin /
 * geoIntersects (query commands and the aggregation stage) answer on a 2dsphere index the way
 * MongoDB's 2dsphere does (spherical geometry, metres).
 */
import path from 'node:path';
import { FIXTURES, rejection, run, startTestCloud, useSdk, type Db, type TestCloud } from './support/harness';

jest.setTimeout(30_000);

let cloud: TestCloud;
let db: Db;
let restore: () => void;

// Shanghai landmarks (longitude, latitude) and two far-away cities.
const SPOTS: Array<[string, number, number]> = [
  ['square', 121.4737, 31.2304], // People's Square
  ['jingan', 121.445, 31.2235], // Jing'an Temple, ~2.8 km west
  ['lujiazui', 121.5055, 31.2397], // ~3.2 km east
  ['hangzhou', 120.1551, 30.2741], // ~165 km
  ['beijing', 116.4074, 39.9042], // ~1,070 km
];

beforeAll(async () => {
  cloud = await startTestCloud({ indexesFile: path.join(FIXTURES, 'indexes-geo.json') });
  ({ db, restore } = useSdk(cloud.lc));
  const { Point, LineString } = db.Geo;
  await run(
    db.collection('places').add({
      data: SPOTS.map(([_id, lng, lat]) => ({ _id, kind: _id === 'beijing' ? 'city' : 'spot', location: new Point(lng, lat) })),
    }),
  );
  await run(
    db.collection('shapes').add({
      data: [
        { _id: 'stroll', shape: new LineString([new Point(121.42, 31.2), new Point(121.44, 31.21)]) }, // inside downtown
        { _id: 'highway', shape: new LineString([new Point(121.4737, 31.2304), new Point(120.1551, 30.2741)]) }, // leaves it
        { _id: 'downtown', shape: downtown() },
        { _id: 'far', shape: new Point(116.4074, 39.9042) },
      ],
    }),
  );
  await run(db.collection('unindexed').add({ data: { _id: 'x', location: new Point(121.47, 31.23) } }));
});

afterAll(async () => {
  restore();
  await cloud.close();
});

/** The ids a query matches, in the order the database answers them. */
async function matching(coll: string, where: Record<string, unknown>): Promise<string[]> {
  const res = await run(db.collection(coll).where(where).get());
  return (res.data as Array<{ _id: string }>).map((d) => d._id);
}

const sorted = async (ids: Promise<string[]>) => (await ids).sort();

/** An axis-aligned box (west, south, east, north in degrees) as a db.Geo.Polygon. */
function box(west: number, south: number, east: number, north: number) {
  const { Point, LineString, Polygon } = db.Geo;
  return new Polygon([
    new LineString([
      new Point(west, south),
      new Point(east, south),
      new Point(east, north),
      new Point(west, north),
      new Point(west, south),
    ]),
  ]);
}

const downtown = () => box(121.4, 31.18, 121.55, 31.28);

test('every db.Geo type round-trips through add and get', async () => {
  const { Point, LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon } = db.Geo;
  const a = new Point(121.4, 31.2);
  const b = new Point(121.5, 31.2);
  const c = new Point(121.5, 31.3);
  const ring = new LineString([a, b, c, a]);
  const data = {
    point: a,
    line: new LineString([a, b]),
    polygon: new Polygon([ring]),
    points: new MultiPoint([a, c]),
    lines: new MultiLineString([new LineString([a, b]), new LineString([b, c])]),
    polygons: new MultiPolygon([new Polygon([ring])]),
  };
  await run(db.createCollection('geo_types'));
  await run(db.collection('geo_types').add({ data: { _id: 'all', ...data } }));
  const stored = (await run(db.collection('geo_types').doc('all').get())).data as Record<string, unknown>;
  expect(stored).toEqual({ _id: 'all', ...data });
  // The SDK turns stored GeoJSON back into its Geo classes.
  expect((stored.point as object).constructor.name).toBe('Point');
  expect((stored.polygons as object).constructor.name).toBe('MultiPolygon');
});

test('geoNear: within a distance band, nearest first; an explicit order wins', async () => {
  const near = (options: { maxDistance?: number; minDistance?: number }) => ({
    location: db.command.geoNear({ geometry: new db.Geo.Point(121.4737, 31.2304), ...options }),
  });
  expect(await matching('places', near({ maxDistance: 5000 }))).toEqual(['square', 'jingan', 'lujiazui']);
  expect(await matching('places', near({ minDistance: 3000, maxDistance: 200_000 }))).toEqual(['lujiazui', 'hangzhou']);
  expect(await matching('places', near({}))).toEqual(['square', 'jingan', 'lujiazui', 'hangzhou', 'beijing']);
  const ordered = await run(
    db
      .collection('places')
      .where(near({ maxDistance: 5000 }))
      .orderBy('_id', 'asc')
      .get(),
  );
  expect((ordered.data as Array<{ _id: string }>).map((d) => d._id)).toEqual(['jingan', 'lujiazui', 'square']);
});

test('geoNear needs a 2dsphere index on the field', async () => {
  const near = db.command.geoNear({ geometry: new db.Geo.Point(121.47, 31.23), maxDistance: 1000 });
  const err = await rejection(db.collection('unindexed').where({ location: near }).get());
  expect(err.errCode).toBe(-502001);
  expect(err.errMsg).toContain('unable to find index for $geoNear query');
});

test('geoWithin: a polygon, or a circle (centerSphere, radians)', async () => {
  const _ = db.command;
  expect(await sorted(matching('places', { location: _.geoWithin({ geometry: downtown() }) }))).toEqual(['jingan', 'lujiazui', 'square']);
  // centerSphere: [centre, radius in radians]; the SDK accepts it, its typings do not declare it.
  const circle = { centerSphere: [new db.Geo.Point(121.4737, 31.2304), 10_000 / 6_378_100] } as unknown as Parameters<
    typeof _.geoWithin
  >[0];
  expect(await sorted(matching('places', { location: _.geoWithin(circle) }))).toEqual(['jingan', 'lujiazui', 'square']);
  // A line inside the polygon is within it; one that leaves it is not.
  expect(await sorted(matching('shapes', { shape: _.geoWithin({ geometry: downtown() }) }))).toEqual(['downtown', 'stroll']);
});

test('geoIntersects: points, lines and polygons that touch the geometry', async () => {
  const { Point, LineString } = db.Geo;
  const intersecting = (geometry: Parameters<typeof db.command.geoIntersects>[0]['geometry']) => db.command.geoIntersects({ geometry });
  // A small box around People's Square: the highway starts inside it, the downtown polygon contains it.
  const block = box(121.47, 31.228, 121.477, 31.233);
  expect(await sorted(matching('shapes', { shape: intersecting(block) }))).toEqual(['downtown', 'highway']);
  expect(await matching('places', { location: intersecting(block) })).toEqual(['square']);
  // A north–south street at 121.43° E crosses the stroll, the highway and the downtown polygon.
  const street = new LineString([new Point(121.43, 31.1), new Point(121.43, 31.3)]);
  expect(await sorted(matching('shapes', { shape: intersecting(street) }))).toEqual(['downtown', 'highway', 'stroll']);
  // A line west of downtown meets nothing.
  expect(await matching('shapes', { shape: intersecting(new LineString([new Point(121.3, 31.25), new Point(121.35, 31.27)])) })).toEqual(
    [],
  );
});

test('the geoNear aggregation stage adds the distance in metres, nearest first', async () => {
  const res = await run(
    db
      .collection('places')
      .aggregate()
      .geoNear({
        distanceField: 'distance',
        spherical: true,
        near: new db.Geo.Point(121.4737, 31.2304),
        maxDistance: 5000,
        query: { kind: 'spot' },
      })
      .project({ _id: 1, distance: 1 })
      .limit(10)
      .end(),
  );
  const list = res.list as Array<{ _id: string; distance: number }>;
  expect(list.map((r) => r._id)).toEqual(['square', 'jingan', 'lujiazui']);
  expect(list[0].distance).toBe(0);
  expect(list[1].distance).toBeGreaterThan(2700);
  expect(list[1].distance).toBeLessThan(3000);
  expect(list[2].distance).toBeGreaterThan(3100);
  expect(list[2].distance).toBeLessThan(3300);
});
