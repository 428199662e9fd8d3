// The plugin's settings validator: Strapi calls it at start with the merged config, and a bad value stops the start.
import config from '../config';

const valid = (over: Partial<{ feeDecimals: unknown; dueSoonWorkingDays: unknown }>) =>
  ({ ...config.default, ...over }) as never;

describe('disclosure plugin config', () => {
  it('defaults to 4 fee decimals and 5 working days', () => {
    expect(config.default).toEqual({ feeDecimals: 4, dueSoonWorkingDays: 5 });
    expect(() => config.validator(config.default)).not.toThrow();
  });

  it.each([0, 6])('accepts %s fee decimals', (feeDecimals) => {
    expect(() => config.validator(valid({ feeDecimals }))).not.toThrow();
  });

  it.each([-1, 7, 2.5, '4', null, Number.NaN])(
    'refuses %p fee decimals, naming the setting and the range',
    (feeDecimals) => {
      expect(() => config.validator(valid({ feeDecimals }))).toThrow(
        `disclosure.feeDecimals must be an integer from 0 to 6, not ${feeDecimals}`,
      );
    },
  );

  it('accepts 0 working days for "due soon" and refuses a negative or fractional number', () => {
    expect(() => config.validator(valid({ dueSoonWorkingDays: 0 }))).not.toThrow();
    expect(() => config.validator(valid({ dueSoonWorkingDays: -1 }))).toThrow(
      'disclosure.dueSoonWorkingDays must be a whole number ≥ 0, not -1',
    );
    expect(() => config.validator(valid({ dueSoonWorkingDays: 1.5 }))).toThrow(
      'disclosure.dueSoonWorkingDays must be a whole number ≥ 0, not 1.5',
    );
  });
});
