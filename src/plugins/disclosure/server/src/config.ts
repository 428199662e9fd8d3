/** Plugin settings, overridable in config/plugins.ts. */
export type DisclosureConfig = { feeDecimals: number; dueSoonWorkingDays: number };

export default {
  default: { feeDecimals: 4, dueSoonWorkingDays: 5 } satisfies DisclosureConfig,
  validator(config: DisclosureConfig) {
    if (!Number.isInteger(config.feeDecimals) || config.feeDecimals < 0 || config.feeDecimals > 6) {
      throw new Error(`disclosure.feeDecimals must be an integer from 0 to 6, not ${config.feeDecimals}`);
    }
    if (!Number.isInteger(config.dueSoonWorkingDays) || config.dueSoonWorkingDays < 0) {
      throw new Error(`disclosure.dueSoonWorkingDays must be a whole number ≥ 0, not ${config.dueSoonWorkingDays}`);
    }
  },
};
