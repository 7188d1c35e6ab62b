import { Injectable, type PipeTransform } from '@nestjs/common';
import { ApiException } from '../../common/api-exception';
import { UUID } from './validators';

/** Ids in the path that are not UUIDs name nothing that exists: 404, like any unknown case. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) throw ApiException.notFound('No such case or item');
    return value.toLowerCase();
  }
}
