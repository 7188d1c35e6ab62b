import { CASE_STATUSES } from '@casetrack/domain';
console.log(CASE_STATUSES.length);
