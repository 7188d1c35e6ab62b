import { createValidationPipe } from '../../common/validation.pipe';
import { AddNoteDto } from '../case-file/case-file.dto';

/** The time fields every write body shares, checked as the global pipe checks them (a note stands for all writes). */
describe('FactDto: occurredAt and its precision', () => {
  const pipe = createValidationPipe();
  const check = (body: Record<string, unknown>): Promise<unknown> =>
    pipe.transform({ text: 'x', ...body }, { type: 'body', metatype: AddNoteDto });

  it('accepts precision unknown without occurredAt: it happened no later than recorded', async () => {
    await expect(check({ occurredAtPrecision: 'unknown' })).resolves.toMatchObject({ occurredAtPrecision: 'unknown' });
  });

  it('accepts precision unknown with occurredAt, the bound it happened before', async () => {
    await expect(
      check({ occurredAt: '2022-01-08T00:30:00+06:00', occurredAtPrecision: 'unknown' }),
    ).resolves.toBeDefined();
  });

  it.each(['exact', 'day', 'approximate', 'month', 'year'])('accepts precision %s', async (precision) => {
    await expect(
      check({ occurredAt: '2022-01-08T00:30:00+06:00', occurredAtPrecision: precision }),
    ).resolves.toMatchObject({ occurredAtPrecision: precision });
  });

  it('refuses a precision that is not one of them, and a time without an offset', async () => {
    await expect(check({ occurredAtPrecision: 'week' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ field: 'occurredAtPrecision' })],
    });
    await expect(check({ occurredAt: '2022-01-08', occurredAtPrecision: 'day' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ field: 'occurredAt' })],
    });
  });
});
