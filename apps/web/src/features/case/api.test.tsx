import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { caseDetail, CASE_ID } from '../../../test/fixtures';
import type { CaseDetail } from '../../api/types';
import { caseKeys, rememberWriteAnswer } from './api';

describe('a write answer and the cached case', () => {
  it('makes the answered version the one the next write sends, before the case is read again', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData<CaseDetail>(caseKeys.detail(CASE_ID), caseDetail({ version: 4 }));

    rememberWriteAnswer(queryClient, { caseId: CASE_ID, version: 5, position: 90 });

    const cached = queryClient.getQueryData<CaseDetail>(caseKeys.detail(CASE_ID));
    expect(cached?.version).toBe(5);
    expect(cached?.fullName).toBe(caseDetail().fullName);
  });

  it('never lowers the version when an older write answers late', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData<CaseDetail>(caseKeys.detail(CASE_ID), caseDetail({ version: 7 }));

    rememberWriteAnswer(queryClient, { caseId: CASE_ID, version: 5, position: 90 });

    expect(queryClient.getQueryData<CaseDetail>(caseKeys.detail(CASE_ID))?.version).toBe(7);
  });
});
