import { AppError, ERROR_CODES, ERROR_MESSAGES } from './errors';
import { failure, failureFromError, isEnvelope, success } from './envelope';

describe('envelope', () => {
  it('wraps data and failures', () => {
    expect(success({ a: 1 })).toEqual({ ok: true, data: { a: 1 } });
    expect(failure('OUT_OF_STOCK')).toEqual({ ok: false, error: { code: 'OUT_OF_STOCK', message: '这份福利已经被领完了' } });
  });

  it('passes AppError codes, messages and details through', () => {
    const env = failureFromError(new AppError('INSUFFICIENT_POINTS', undefined, { missingPoints: 30 }));
    expect(env).toEqual({
      ok: false,
      error: { code: 'INSUFFICIENT_POINTS', message: ERROR_MESSAGES.INSUFFICIENT_POINTS, details: { missingPoints: 30 } },
    });
  });

  it('never leaks an unexpected error message or stack', () => {
    const env = failureFromError(new Error('connect ECONNREFUSED 10.0.0.3:27017'));
    expect(env).toEqual({ ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } });
    expect(JSON.stringify(env)).not.toContain('ECONNREFUSED');
  });

  it('recognises envelopes', () => {
    expect(isEnvelope(success(null))).toBe(true);
    expect(isEnvelope(failure('BUSY'))).toBe(true);
    expect(isEnvelope({ ok: true })).toBe(false);
    expect(isEnvelope({ ok: false, error: 'x' })).toBe(false);
    expect(isEnvelope(undefined)).toBe(false);
  });

  it('has a Chinese message for every code', () => {
    for (const code of ERROR_CODES) {
      expect(code).toMatch(/^[A-Z][A-Z_]+$/);
      expect(ERROR_MESSAGES[code]).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
