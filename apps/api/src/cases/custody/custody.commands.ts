import type { RecordDetention, TransferDetainee } from '@casetrack/domain';
import { fields } from '../shared/fields';
import type { RecordDetentionDto, TransferDetaineeDto } from './custody.dto';

/** The domain command of `POST /v1/cases/:caseId/detention`; an import's row records its detention with it. */
export function recordDetentionCommand(body: RecordDetentionDto): RecordDetention {
  return { type: 'RecordDetention', ...fields(body, 'city', 'place', 'authority', 'circumstances', 'injuries') };
}

/** The domain command of `POST /v1/cases/:caseId/transfers`. */
export function transferDetaineeCommand(body: TransferDetaineeDto): TransferDetainee {
  return { type: 'TransferDetainee', facility: fields(body.facility, 'code', 'name', 'city', 'kind') };
}
