import type { AddNameVariants, OpenCase } from '@casetrack/domain';
import type { AddNameVariantsDto, OpenCaseDto } from './intake.dto';

/** The domain command of `POST /v1/cases`; an import's row opens its case with the same one. */
export function openCaseCommand(body: OpenCaseDto): OpenCase {
  return {
    type: 'OpenCase',
    detainee: {
      fullName: body.detainee.fullName,
      nameVariants: body.detainee.nameVariants ?? [],
      ...(body.detainee.birthDate ? { birthDate: body.detainee.birthDate } : {}),
      sex: body.detainee.sex ?? 'unknown',
      ...(body.detainee.city === undefined ? {} : { city: body.detainee.city }),
      vulnerabilities: [...new Set(body.detainee.vulnerabilities ?? [])],
    },
    source: { kind: body.source.kind, ...(body.source.reference ? { reference: body.source.reference } : {}) },
  };
}

/** The domain command of `POST /v1/cases/:caseId/name-variants`. */
export function addNameVariantsCommand(body: AddNameVariantsDto): AddNameVariants {
  return { type: 'AddNameVariants', variants: body.variants };
}
