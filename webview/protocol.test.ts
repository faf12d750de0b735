import { describe, expect, it } from 'vitest';
import { sampleTrace } from '../traces/sample';
import { toTransfer, toTransferParts } from '../traces/transfer';
import { validateHostMessage } from './protocol';

describe('validateHostMessage: load', () => {
  const transfer = toTransfer(sampleTrace());

  it('accepts a transfer, keeping its typed arrays', () => {
    const v = validateHostMessage({ type: 'load', transfer, title: 'run', current: 3 });
    expect(v.ok).toBe(true);
    if (v.ok && v.value.type === 'load' && 'transfer' in v.value)
      expect(v.value.transfer.times).toBeInstanceOf(Float64Array);
  });

  it('still accepts the JSON text form', () => {
    expect(validateHostMessage({ type: 'load', text: '{"format":"replication-trace"}' }).ok).toBe(true);
  });

  it.each([
    [{ type: 'load', transfer: 'columns' }, /transfer is not a "replication-trace-transfer"/],
    [{ type: 'load', transfer: { ...transfer, format: 'x' } }, /transfer is not a/],
    [{ type: 'load', transfer: { ...transfer, version: 9 } }, /transfer version 9 is not supported/],
    [{ type: 'load', transfer: { ...transfer, meta: '{}' } }, /transfer has no metadata/],
    [{ type: 'load', transfer, current: 'x' }, /current must be an event id/],
  ])('refuses a malformed transfer load (%#)', (message, error) => {
    const v = validateHostMessage(message);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.error).toMatch(error);
  });
});

describe('validateHostMessage: loadDetails', () => {
  const { head, details } = toTransferParts(sampleTrace());

  it('accepts a head as a load and its details as loadDetails', () => {
    expect(validateHostMessage({ type: 'load', transfer: head }).ok).toBe(true);
    const v = validateHostMessage({ type: 'loadDetails', details: details() });
    expect(v.ok).toBe(true);
    if (v.ok && v.value.type === 'loadDetails') expect(v.value.details.meta).toBeInstanceOf(Uint8Array);
  });

  it.each([
    [{ type: 'loadDetails' }, /details are not "replication-trace-transfer-details"/],
    [{ type: 'loadDetails', details: { ...details(), version: 3 } }, /details version 3 is not supported/],
    [{ type: 'loadDetails', details: { ...details(), detailsId: 7 } }, /details have no id/],
    [{ type: 'loadDetails', details: { ...details(), meta: [] } }, /details have no data/],
  ])('refuses malformed details (%#)', (message, error) => {
    const v = validateHostMessage(message);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.error).toMatch(error);
  });
});
