import 'reflect-metadata';
import { IsInt, IsString, MaxLength, ValidateNested, getMetadataStorage, validate } from 'class-validator';
import { Type } from 'class-transformer';
import { cacheValidationMetadata } from './validation-metadata-cache';

class Base {
  @IsString()
  name!: string;
}

class Child extends Base {
  @IsInt()
  count!: number;
}

class Outer {
  @ValidateNested()
  @Type(() => Child)
  child!: Child;
}

function propertiesOf(target: new () => object): string[] {
  return getMetadataStorage()
    .getTargetValidationMetadatas(target, '', false, false)
    .map((rule) => `${rule.propertyName}:${String(rule.name ?? rule.type)}`)
    .sort();
}

describe('cacheValidationMetadata', () => {
  beforeAll(() => cacheValidationMetadata());

  it('answers the rules the uncached lookup answers, inherited ones included', async () => {
    expect(propertiesOf(Child)).toEqual(['count:isInt', 'name:isString']);
    const child = Object.assign(new Child(), { name: 7, count: 'x' });
    const errors = await validate(Object.assign(new Outer(), { child }));
    expect(errors[0].children?.map((e) => e.property).sort()).toEqual(['count', 'name']);
  });

  it('forgets kept rules when a decorator adds one later', async () => {
    expect(propertiesOf(Child)).toEqual(['count:isInt', 'name:isString']);
    MaxLength(3)(Base.prototype, 'name');
    expect(propertiesOf(Child)).toEqual(['count:isInt', 'name:isString', 'name:maxLength']);
    const errors = await validate(Object.assign(new Child(), { name: 'longer', count: 1 }));
    expect(errors.map((e) => Object.keys(e.constraints ?? {}))).toEqual([['maxLength']]);
  });

  it('gives each caller its own copy', () => {
    const first = getMetadataStorage().getTargetValidationMetadatas(Child, '', false, false);
    first.length = 0;
    expect(propertiesOf(Child).length).toBeGreaterThan(0);
  });
});
