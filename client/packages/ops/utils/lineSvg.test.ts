import { base64Ascii, lineChartSvg, niceMax, plot, svgDataUri } from './lineSvg';

describe('line chart SVG', () => {
  const size = { width: 100, height: 64 };

  it('rounds axis maxima up to 1 / 2 / 5 × 10ⁿ', () => {
    expect([0, 0.7, 1, 3, 7, 12, 180, 501].map(niceMax)).toEqual([1, 1, 1, 5, 10, 20, 200, 1000]);
  });

  it('places the first and last values at the edges, 0 at the bottom, max at the top', () => {
    expect(plot([0, 5, 10], 10, size)).toEqual([
      [10, 52],
      [50, 32],
      [90, 12],
    ]);
    expect(plot([3], 10, size)[0]?.[0]).toBe(50);
    expect(plot([null, 4], 10, size)[0]).toBeNull();
  });

  it('breaks the line where a figure is missing and dots a lone point', () => {
    const svg = lineChartSvg([{ key: 'd1', name: '次日', color: '#1F6F5C', values: [0.5, 0.25, null, 1] }], 1, size);
    expect(svg.match(/<polyline/g)).toHaveLength(1);
    expect(svg).toContain('points="10,32 36.7,42"');
    expect(svg.match(/<circle/g)).toHaveLength(3);
    // Only ASCII: the weapp image decoder gets base64 of it.
    expect(/^[\x20-\x7e]*$/.test(svg)).toBe(true);
  });

  it('encodes base64 exactly as the platform does', () => {
    for (const text of ['', 'a', 'ab', 'abc', '<svg width="1"/>', lineChartSvg([], 1, size)]) {
      expect(base64Ascii(text)).toBe(Buffer.from(text, 'latin1').toString('base64'));
    }
    expect(svgDataUri('<svg/>')).toBe('data:image/svg+xml;base64,PHN2Zy8+');
  });
});
