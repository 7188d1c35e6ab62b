import { Injectable, type PipeTransform } from '@nestjs/common';
import { ApiException } from '../../common/api-exception';

/**
 * For reads that take no query parameters: any parameter is unknown and rejected, as the DTOs of the other reads
 * reject theirs. (A DTO class without properties cannot do it: the global pipe refuses such a class outright.)
 */
@Injectable()
export class NoQueryPipe implements PipeTransform<Record<string, unknown>, Record<string, never>> {
  transform(value: Record<string, unknown> | undefined): Record<string, never> {
    const names = Object.keys(value ?? {});
    if (names.length > 0) {
      throw ApiException.validation(names.map((field) => ({ field, message: `${field} is not a known field` })));
    }
    return {};
  }
}
