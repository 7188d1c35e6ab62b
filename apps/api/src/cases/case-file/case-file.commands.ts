import type { AddNote } from '@casetrack/domain';
import type { AddNoteDto } from './case-file.dto';

/** The domain command of `POST /v1/cases/:caseId/notes`. */
export function addNoteCommand(body: AddNoteDto): AddNote {
  return { type: 'AddNote', text: body.text };
}
