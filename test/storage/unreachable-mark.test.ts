import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresDb } from '../../src/adapters/postgres/db.ts';
import { isDatabaseUnreachable } from '../../src/ports/database-errors.ts';

// The API answers 503 "retry shortly" instead of 500 only if the error the Db adapter raised
// carries the mark that http/errors.ts reads from ports/database-errors.ts.
describe('a database that cannot be reached', () => {
  // Port 1 on loopback: nothing listens, so the driver's connect is refused at once.
  const db = createPostgresDb('postgres://postgres@127.0.0.1:1/none', { max: 1 });
  afterAll(() => db.close());

  it('fails with an error the API sees as the database being unreachable', async () => {
    const err = await db.query('SELECT 1').then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).not.toBeNull();
    expect(isDatabaseUnreachable(err)).toBe(true);
  });

  it('other errors are not marked', () => {
    expect(
      isDatabaseUnreachable(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
    ).toBe(false);
  });
});
