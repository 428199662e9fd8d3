/**
 * The rate-limiter factory on Redis, as two instances use it: one budget per address whichever instance counts, kept
 * apart per limit name; and with Redis unreachable, each instance still limits on its own (insurance limiter).
 * Needs Redis (REDIS_URL, default redis://127.0.0.1:6379); every key lives under a prefix of this run, removed after.
 */
import crypto from 'crypto';
import { Redis } from 'ioredis';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { closeRateLimits, createLimiter, rateLimitsReady } from '../../src/rate-limit';

const url = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const prefix = `ggzy-test:rate-limit:${crypto.randomBytes(4).toString('hex')}:`;
const env = { REDIS_URL: url, RATE_LIMIT_PREFIX: prefix } as NodeJS.ProcessEnv;
// Two app instances: the factory keeps one Redis connection per Strapi instance.
const instanceA = {} as any;
const instanceB = {} as any;
const offline = {} as any;

const allowed = (limiter: ReturnType<typeof createLimiter>, key: string) =>
  limiter.consume(key).then(
    () => true,
    (rejection) => {
      if (rejection instanceof RateLimiterRes) return false;
      throw rejection;
    },
  );

afterAll(async () => {
  await Promise.all([closeRateLimits(instanceA), closeRateLimits(instanceB), closeRateLimits(offline)]);
  const redis = new Redis(url);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

test('two instances count one budget per address and limit name', async () => {
  const a = createLimiter(instanceA, { name: 'content-api', max: 5, windowSeconds: 60 }, env);
  const b = createLimiter(instanceB, { name: 'content-api', max: 5, windowSeconds: 60 }, env);
  // Until its connection is ready an instance counts in process (the insurance limiter): wait, as requests would.
  expect(await rateLimitsReady(instanceA, 5000)).toBe(true);
  expect(await rateLimitsReady(instanceB, 5000)).toBe(true);
  const answers = [];
  for (let i = 0; i < 6; i += 1) answers.push(await allowed(i % 2 ? b : a, '198.51.100.1'));
  expect(answers).toEqual([true, true, true, true, true, false]);
  expect(await allowed(a, '198.51.100.2')).toBe(true);
  // Another limit's budget is its own.
  const filing = createLimiter(instanceB, { name: 'disclosure-filing', max: 1, windowSeconds: 60 }, env);
  expect(await allowed(filing, '198.51.100.1')).toBe(true);
  expect(await allowed(filing, '198.51.100.1')).toBe(false);
  const redis = new Redis(url);
  expect(await redis.get(`${prefix}content-api:198.51.100.1`)).toBe('6');
  redis.disconnect();
});

test('with Redis unreachable, an instance still limits on its own', async () => {
  const limiter = createLimiter(
    offline,
    { name: 'content-api', max: 2, windowSeconds: 60 },
    { ...env, REDIS_URL: 'redis://127.0.0.1:1' },
  );
  expect([await allowed(limiter, 'x'), await allowed(limiter, 'x'), await allowed(limiter, 'x')]).toEqual([
    true,
    true,
    false,
  ]);
});
