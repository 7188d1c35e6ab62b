import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Logger } from '@casetrack/config';
import type { OpenCase } from '@casetrack/domain';
import { FindPossibleDuplicatesQuery, type PossibleDuplicate, type Viewer } from '@casetrack/read-model';
import { LOGGER } from '../../common/logger.provider';

/**
 * The `possibleDuplicates` of a newly opened case, from the read models. The case is already recorded when this
 * runs, so nothing here may fail the write: if the read models cannot answer, the list is empty and the log says why.
 */
@Injectable()
export class PossibleDuplicates {
  constructor(
    private readonly queryBus: QueryBus,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async of(viewer: Viewer, caseId: string, command: OpenCase): Promise<PossibleDuplicate[]> {
    const { fullName, nameVariants, city } = command.detainee;
    try {
      return await this.queryBus.execute(
        // An unknown city matches no case: the check compares people of one city.
        new FindPossibleDuplicatesQuery(
          viewer,
          { fullName, nameVariants: nameVariants ?? [], city: city ?? '' },
          caseId,
        ),
      );
    } catch (error) {
      // Ids only: the names are exactly what must not reach the logs.
      this.logger.warn(
        { caseId, err: error instanceof Error ? error.message : String(error) },
        'possible duplicates unavailable; answered none',
      );
      return [];
    }
  }
}
