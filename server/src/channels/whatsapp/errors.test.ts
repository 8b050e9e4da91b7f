import { describe, expect, it } from 'vitest';
import { classifyCloudApiError, networkFailure, toDeliveryError } from './errors';

describe('classifyCloudApiError', () => {
  it.each([
    [{ code: 131047, httpStatus: 400 }, 'window-closed', false, true],
    [{ code: 131047 }, 'window-closed', false, true],
    [
      { code: 131026, details: 'Receiver is incapable of receiving this message' },
      'undeliverable',
      false,
      false,
    ],
    [{ code: 131049, httpStatus: 400 }, 'ecosystem-limit', false, false],
    [{ code: 130429, httpStatus: 429 }, 'rate-limited', true, false],
    [{ code: 131056, httpStatus: 400 }, 'pair-rate-limited', true, false],
    [{ httpStatus: 429 }, 'http-rate-limited', true, false],
    [{ httpStatus: 500 }, 'server-error', true, false],
    [{ httpStatus: 503, code: 2 }, 'server-error', true, false],
    [{ code: 131000, httpStatus: 400 }, 'whatsapp-131000', false, false],
    [{ code: 100, httpStatus: 400 }, 'whatsapp-100', false, false],
    [{ httpStatus: 404 }, 'http-404', false, false],
  ])('%j → %s (retryable %s, closes window %s)', (input, code, retryable, closesWindow) => {
    const failure = classifyCloudApiError(input);
    expect(failure).toMatchObject({ code, retryable, closesWindow });
  });

  it('tells the agent to send a template when the window is closed', () => {
    expect(toDeliveryError(classifyCloudApiError({ code: 131047 }))).toEqual({
      code: 'window-closed',
      message: 'window closed — send a template',
    });
  });

  it('keeps the reason of an undeliverable message', () => {
    const failure = classifyCloudApiError({
      code: 131026,
      details: 'Receiver has not accepted our new Terms',
    });
    expect(failure.message).toBe('undeliverable: Receiver has not accepted our new Terms');
  });

  it('keys on the code, never on the title text', () => {
    const misleading = classifyCloudApiError({ code: 131026, message: 'Re-engagement message' });
    expect(misleading.code).toBe('undeliverable');
    const reworded = classifyCloudApiError({ code: 131047, message: 'Mensagem de reengajamento' });
    expect(reworded.code).toBe('window-closed');
  });

  it('treats a connection failure as retryable', () => {
    expect(networkFailure(new Error('ECONNREFUSED'))).toMatchObject({
      code: 'network-error',
      retryable: true,
      message: 'network error: ECONNREFUSED',
    });
  });
});
