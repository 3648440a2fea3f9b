/**
 * The encoder of the `qrcode` package without its renderers (which need canvas or Node):
 * `qrcode/lib/core/qrcode` is plain JavaScript and runs in WeChat as is.
 */
declare module 'qrcode/lib/core/qrcode' {
  interface QrSegment {
    data: string;
    mode: 'numeric' | 'alphanumeric' | 'byte' | 'kanji';
  }
  interface QrSymbol {
    modules: { size: number; data: Uint8Array; get(row: number, col: number): number };
    version: number;
  }
  export function create(data: string | QrSegment[], options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' }): QrSymbol;
}
