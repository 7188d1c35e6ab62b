import { registerDecorator } from 'class-validator';
import { isTimeZone } from '@casetrack/i18n';

/** An IANA zone this runtime knows (`Asia/Almaty`, `UTC`); a misspelt one is refused rather than printed in UTC. */
export function IsTimeZone(): PropertyDecorator {
  return (target: object, propertyName: string | symbol): void => {
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be an IANA time zone such as Asia/Almaty' },
      validator: { validate: (value: unknown): boolean => isTimeZone(value) },
    });
  };
}
