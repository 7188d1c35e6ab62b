import { CaseSummaryEntity } from './case-summary.entity';
import { CheckpointEntity } from './checkpoint.entity';
import { ComplaintEntity } from './complaint.entity';
import { HearingEntity } from './hearing.entity';

export { CaseSummaryEntity, CheckpointEntity, ComplaintEntity, HearingEntity };

export const READ_MODEL_ENTITIES = [CaseSummaryEntity, HearingEntity, ComplaintEntity, CheckpointEntity];
