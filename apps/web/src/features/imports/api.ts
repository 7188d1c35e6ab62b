import { useMutation, type UseMutationResult, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { api } from '../../api/client';
import { toApiError } from '../../api/errors';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n/i18n-context';

type Schemas = components['schemas'];
export type ImportUploaded = Schemas['ImportUploaded'];
export type ImportChecked = Schemas['ImportChecked'];
export type ImportRowCheck = Schemas['ImportRowCheck'];
export type ImportStatus = Schemas['ImportStatus'];
export type ImportKind = ImportStatus['kind'];
export type RowOutcome = ImportRowCheck['outcome'];
export type CaseCandidate = Schemas['PossibleDuplicate'];
export type RowCandidate = Schemas['ImportRowDuplicate'];
export type Candidate = CaseCandidate | RowCandidate;

/** Column name -> field; a column left out is not imported. */
export type Mapping = Record<string, string>;
/** The importer's choice for a possible duplicate, as the commit takes it. */
export type Decision = 'new' | 'skip' | { addTo: string };
/** By row number. */
export type Decisions = Readonly<Record<number, Decision>>;

export function isRowCandidate(candidate: Candidate): candidate is RowCandidate {
  return 'row' in candidate;
}

export const importKeys = {
  status: (importId: string) => ['imports', importId] as const,
};

export interface UploadRequest {
  readonly file: File;
  readonly kind: ImportKind;
  readonly timeZone: string;
}

/**
 * The file goes as multipart/form-data: the client leaves Content-Type to the browser (with its boundary) for a
 * FormData body, and the middleware adds the CSRF header as for any change.
 */
export function useUpload(): UseMutationResult<ImportUploaded, Error, UploadRequest> {
  const lang = useI18n().translator.locale;
  return useMutation({
    mutationFn: async ({ file, kind, timeZone }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      form.append('kind', kind);
      form.append('timeZone', timeZone);
      const { data, error, response } = await api.POST('/v1/imports', {
        // A refusal's reason in the language the console shows, which may not be the account's.
        params: { query: { lang } },
        // The contract types the file as a string (binary); the body sent is the form itself.
        body: { file: file.name, kind, timeZone },
        bodySerializer: () => form,
      });
      if (data === undefined) throw toApiError(response.status, error);
      return data;
    },
  });
}

export function useDryRun(importId: string): UseMutationResult<ImportChecked, Error, Mapping> {
  const lang = useI18n().translator.locale;
  return useMutation({
    mutationFn: async (mapping) => {
      const { data, error, response } = await api.POST('/v1/imports/{importId}/dry-run', {
        params: { path: { importId }, query: { lang } },
        body: { mapping },
      });
      if (data === undefined) throw toApiError(response.status, error);
      return data;
    },
  });
}

export interface CommitRequest {
  readonly mapping: Mapping;
  readonly decisions: Decisions;
}

/** The commit's POST is idempotent per import on the server; the page still sends it once. */
export function useCommit(importId: string): UseMutationResult<void, Error, CommitRequest> {
  return useMutation({
    mutationFn: async ({ mapping, decisions }) => {
      const { data, error, response } = await api.POST('/v1/imports/{importId}/commit', {
        params: { path: { importId } },
        body: { mapping, decisions: { ...decisions } },
      });
      if (data === undefined) throw toApiError(response.status, error);
    },
  });
}

/** Polled every second while the rows are being recorded; left alone once the import is settled. */
export function useImportStatus(importId: string): UseQueryResult<ImportStatus> {
  return useQuery<ImportStatus>({
    queryKey: importKeys.status(importId),
    refetchInterval: (query) => (query.state.data?.status === 'committing' ? 1000 : false),
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/v1/imports/{importId}', {
        params: { path: { importId } },
        signal,
      });
      if (data === undefined) throw toApiError(response.status, error);
      return data;
    },
  });
}

/** The rejected and skipped rows as a CSV (a plain link: the browser downloads it with the session cookie). */
export function rejectedRowsUrl(importId: string, lang: string): string {
  return `/v1/imports/${encodeURIComponent(importId)}/rejected?format=csv&lang=${encodeURIComponent(lang)}`;
}
