import { isDatabaseUnavailable } from './unavailable';

function withCode(code: string, message = 'boom'): Error {
  return Object.assign(new Error(message), { code });
}

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a reset connection', withCode('ECONNRESET')],
    [
      'admin_shutdown (immediate or fast stop)',
      withCode('57P01', 'terminating connection due to administrator command'),
    ],
    ['cannot_connect_now (starting up)', withCode('57P03', 'the database system is starting up')],
    ['a connection exception of class 08', withCode('08006')],
    ['too many connections', withCode('53300')],
    ['a socket closed under a query', new Error('Connection terminated unexpectedly')],
    ['a pool checkout that timed out', new Error('timeout exceeded when trying to connect')],
    [
      'a client that lost its connection before',
      new Error('Client has encountered a connection error and is not queryable'),
    ],
    ['TypeORM wrapping one', Object.assign(new Error('query failed'), { driverError: withCode('57P01') })],
    ['a cause', new Error('outer', { cause: withCode('ECONNREFUSED') })],
    ['every address refused', new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], 'all failed')],
  ])('is true for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('23505')],
    ['a syntax error', withCode('42601')],
    ['an invalid text representation', withCode('22P02')],
    ['a plain error', new Error('Something else')],
    ['not an error', 'ECONNREFUSED'],
    ['nothing', null],
  ])('is false for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
