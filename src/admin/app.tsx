/** Admin customisation: editors work in Chinese by default; English stays available (per-user, in their profile). */
export default {
  config: {
    locales: ['zh-Hans'],
  },
  bootstrap() {},
};
