import QRCode from 'qrcode';
import { qrRuns } from './qrMatrix';

it('the runs rebuild exactly the QR modules of the voucher code', () => {
  const code = 'K7QM2XRT9PAB';
  const { size, rows } = qrRuns(code);
  const reference = QRCode.create(code, { errorCorrectionLevel: 'M' }).modules;
  expect(size).toBe(reference.size);
  for (let r = 0; r < size; r++) {
    const row = new Array(size).fill(0);
    for (const [start, length] of rows[r]) for (let c = start; c < start + length; c++) row[c] = 1;
    expect(row.join('')).toBe(Array.from(reference.data.slice(r * size, (r + 1) * size)).join(''));
  }
});

it('encodes other text as bytes', () => {
  expect(qrRuns('https://example.com/a?b=1').size).toBeGreaterThan(21);
});
