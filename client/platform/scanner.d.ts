/**
 * Reading a voucher's QR code at the counter: the camera in WeChat (`Taro.scanCode`); a
 * browser has none, so staff type the code there.
 */
export declare const canScan: boolean;

/** The scanned text, or null when the staff member closed the scanner. */
export declare function scanCode(): Promise<string | null>;
