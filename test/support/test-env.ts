/** Servers the tests use; override with TEST_MYSQL_URL (no database part) and TEST_REDIS_URL. */
export function testServerUrls(): { mysql: string; redis: string } {
  return {
    mysql: (process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/+$/, ''),
    redis: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  };
}
