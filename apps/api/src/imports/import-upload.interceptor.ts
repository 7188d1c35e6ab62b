import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  type NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { ApiException } from '../common/api-exception';
import { unsafeStrings } from '../common/hostile-input';

/** The largest list accepted. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** The uploaded file as multer (memory storage) hands it over; only what an import reads of it. */
export interface UploadedList {
  originalname: string;
  size: number;
  buffer: Buffer;
}

const Multipart = FileInterceptor('file', {
  limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10, fieldSize: 1_000, parts: 12 },
});

/**
 * Reads a multipart upload (the file in memory, at most MAX_IMPORT_BYTES) after the guard has let the caller in, and
 * gives its refusals the contract's error body with a code of their own. The form's fields are checked for NUL and
 * unpaired surrogates like every other body (the JSON parser's check ran before they were read).
 */
@Injectable()
export class ImportUploadInterceptor implements NestInterceptor {
  private readonly multipart = new Multipart();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request>();
    if (!request.is('multipart/form-data')) {
      throw new ApiException(
        415,
        'IMPORT_UNSUPPORTED_TYPE',
        'Send the list as multipart/form-data, the file in the field "file"',
      );
    }
    let handled: Observable<unknown>;
    try {
      handled = await this.multipart.intercept(context, next);
    } catch (error) {
      throw refusalOf(error);
    }
    const problems = unsafeStrings(request.body);
    if (problems.length > 0) throw ApiException.validation(problems);
    return handled;
  }
}

function refusalOf(error: unknown): unknown {
  if (error instanceof PayloadTooLargeException) {
    return new ApiException(413, 'IMPORT_TOO_LARGE', `A list may have at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  }
  if (error instanceof HttpException && error.getStatus() < 500) {
    return new ApiException(
      400,
      'IMPORT_UNREADABLE',
      'The upload could not be read as multipart/form-data with one file',
    );
  }
  return error;
}
