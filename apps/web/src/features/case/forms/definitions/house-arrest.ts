import { z } from 'zod';
import { calendarDay, given, optionalText } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';
import { dayToBody } from './case-choices';

const schema = z.object({
  until: calendarDay(true),
  address: optionalText(500),
  conditions: optionalText(2000),
});
type Values = z.infer<typeof schema>;

/** Out of the facility, under house arrest: until a day, at an address, on conditions (each when known). */
export const houseArrestForm = defineWriteForm({
  id: 'houseArrest',
  path: '/v1/cases/{caseId}/release-to-house-arrest',
  schema,
  initial: { until: '', address: '', conditions: '' } satisfies Values,
  fields: [
    { name: 'until', kind: 'date', label: 'console.field.measureUntil', description: 'console.field.untilHint' },
    { name: 'address', kind: 'text', label: 'console.field.address' },
    { name: 'conditions', kind: 'textarea', label: 'console.field.conditions' },
  ],
  toBody: (v: Values, timeZone: string) => ({
    until: dayToBody(v.until, timeZone),
    address: given(v.address),
    conditions: given(v.conditions),
  }),
});
