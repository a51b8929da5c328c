import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../../shared/api/errors';
import { errorMessage, fieldErrorsOf } from './errorMessage';

const refused = new ApiCallError({
  code: 'bad_input',
  message: 'Invalid input — discount.percent: must be between 0 and 100',
  details: { issues: [{ path: ['discount', 'percent'], message: 'must be between 0 and 100' }] },
});

describe('errors worded for people', () => {
  it('says a refused input by its field, not its path', () => {
    expect(errorMessage(refused)).toBe('Percent must be between 0 and 100.');
  });
  it('puts an issue beside its field and leaves nothing for a toast', () => {
    expect(fieldErrorsOf(refused, { discount: 'discountText' })).toEqual({
      byField: { discountText: 'Percent must be between 0 and 100.' },
      rest: null,
    });
  });
  it('leaves what no field owns for a toast', () => {
    const other = new ApiCallError({ code: 'conflict', message: 'The shift is closing.' });
    expect(fieldErrorsOf(other, { discount: 'discountText' })).toEqual({
      byField: {},
      rest: 'The shift is closing.',
    });
  });
});
