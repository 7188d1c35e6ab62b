import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { openApiDocumentWithoutServices } from './document-without-services';

/*
 * A client generated from the document the API serves (openapi-typescript, as a web console would), and small
 * programs type-checked against it with the TypeScript compiler: what a client writes against the contract compiles,
 * what breaks it does not, and the server's own answer types fit the answers the document promises.
 */

const REPO = resolve(__dirname, '../../../..');

/** A minimal typed client over the generated `operations`, as generated clients build them. */
const CLIENT = `
import type { operations } from './api';
type PathOf<O> = O extends { parameters: { path: infer P } } ? P : never;
type BodyOf<O> = O extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;
type Created<O> = O extends { responses: { 201: { content: { 'application/json': infer A } } } } ? A : never;
type Ok<O> = O extends { responses: { 200: { content: { 'application/json': infer A } } } } ? A : never;
export declare function write<K extends keyof operations>(
  operation: K, path: PathOf<operations[K]>, body: BodyOf<operations[K]>,
): Promise<Created<operations[K]>>;
export declare function read<K extends keyof operations>(operation: K, path: PathOf<operations[K]>): Promise<Ok<operations[K]>>;
`;

const CASE_ID = "'0b9f3c1e-6a1d-4f7e-9c2a-2f4d8e6b1a10'";

/** Writes with caseId and a body, reading what they answer: the contract as a client uses it. */
const USES_THE_CONTRACT = `
import { read, write } from './client';
export async function recordAndRead(): Promise<number> {
  const caseId = ${CASE_ID};
  const detention = await write('recordDetention', { caseId }, { city: 'Almaty', place: 'ROVD', authority: 'police' });
  const version: number = detention.version;
  const position: number = detention.position;
  const { hearingId } = await write('scheduleHearing', { caseId }, {
    kind: 'preventive_measure', court: 'Almaly District Court', scheduledAt: '2026-01-05T10:00:00+05:00',
  });
  await write('recordHearingOutcome', { caseId, hearingId }, { outcome: 'detention ordered' });
  const opened = await write('openCase', {} as never, {
    detainee: { fullName: 'Arman Zholatov', city: 'Almaty' }, source: { kind: 'relative' },
  });
  const duplicates: string[] = opened.possibleDuplicates.map((duplicate) => duplicate.caseId);
  const detail = await read('getCase', { caseId });
  const status: 'released' | string = detail.status;
  const nextHearingAt: string | undefined = detail.nextHearing?.scheduledAt;
  return version + position + duplicates.length + status.length + (nextHearingAt?.length ?? 0);
}
`;

/** The same write without its required authority, and one without its caseId: neither may compile. */
const BREAKS_THE_CONTRACT = `
import { write } from './client';
export async function missingFields(): Promise<void> {
  await write('recordDetention', { caseId: ${CASE_ID} }, { city: 'Almaty', place: 'ROVD' });
  await write('dropCharge', { chargeId: ${CASE_ID} }, { reason: 'charge dropped' });
}
`;

/**
 * The server's answer types (the read models', the domain's) fit the schemas the document gives them: a field the
 * server stopped answering, or answers in another type or vocabulary, fails to compile.
 */
const SERVER_ANSWERS_FIT = `
import type { components } from './api';
import type { CaseDetail, CaseSummary, CalendarHearing, ComplaintItem, Stats, AgendaItem } from '@casetrack/read-model';
import type { ReminderLogItem } from '@casetrack/reminders';
import type { AuthenticatedUser } from '@casetrack/auth';
import type { ChainVerification, TimelineEntry } from '@casetrack/event-store';
import type { CaseHistory, CaseDossier } from '@casetrack/domain';
type S = components['schemas'];
/** Both ways: no key the server answers is undocumented, none documented is missing. */
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
export const fits = {
  summary: (x: CaseSummary): S['CaseSummary'] => x,
  detail: (x: CaseDetail): S['CaseDetail'] => x,
  hearing: (x: CalendarHearing): S['CalendarHearing'] => x,
  complaint: (x: ComplaintItem): S['ComplaintItem'] => x,
  stats: (x: Stats): S['Stats'] => x,
  agenda: (x: AgendaItem): S['Agenda']['items'][number] => x,
  reminder: (x: ReminderLogItem): S['Reminder'] => x,
  user: (x: AuthenticatedUser): S['User'] => x,
  verification: (x: ChainVerification): S['ChainValid'] | S['ChainBroken'] => x,
  timelineEvent: (x: TimelineEntry): Omit<S['TimelineEvent'], 'data'> => x,
};
export const sameKeys: [
  SameKeys<CaseSummary, S['CaseSummary']>,
  SameKeys<CaseDetail, S['CaseDetail']>,
  SameKeys<TimelineEntry, S['TimelineEvent']>,
  SameKeys<CaseHistory, S['CaseHistory']>,
  SameKeys<
    CaseDossier & Record<'verification' | 'deadlines' | 'language' | 'timeZone' | 'issuedBy' | 'people', unknown>,
    S['Dossier']
  >,
] = [true, true, true, true, true];
`;

describe('a client generated from the OpenAPI document', () => {
  let dir: string;
  let diagnostics: Map<string, readonly ts.Diagnostic[]>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'casetrack-client-'));
    const document = await openApiDocumentWithoutServices();
    const api = astToString(await openapiTS(document as Parameters<typeof openapiTS>[0]));
    const files: Record<string, string> = {
      'api.ts': api,
      'client.ts': CLIENT,
      'uses.ts': USES_THE_CONTRACT,
      'breaks.ts': BREAKS_THE_CONTRACT,
      'server.ts': SERVER_ANSWERS_FIT,
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    diagnostics = typeCheck(
      dir,
      Object.keys(files).map((name) => join(dir, name)),
    );
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const problems = (file: string): string[] =>
    (diagnostics.get(file) ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));

  it('generates types that compile', () => {
    expect(problems('api.ts')).toEqual([]);
    expect(problems('client.ts')).toEqual([]);
  });

  it('type-checks writes with caseId and a body, and reads of their version, ids and the case', () => {
    expect(problems('uses.ts')).toEqual([]);
  });

  it('refuses to compile a write without a required body field, or without caseId in its path', () => {
    const found = problems('breaks.ts');
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/authority/);
    expect(found[1]).toMatch(/caseId/);
  });

  it("fits the server's own answer types into the documented schemas", () => {
    expect(problems('server.ts')).toEqual([]);
  });
});

/** Semantic diagnostics of each file, with the project's strictness and its `@casetrack/*` paths. */
function typeCheck(dir: string, files: string[]): Map<string, readonly ts.Diagnostic[]> {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node20,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    esModuleInterop: true,
    types: ['node'],
    typeRoots: [join(REPO, 'node_modules/@types')],
    paths: Object.fromEntries(
      ['domain', 'event-store', 'read-model', 'auth', 'config', 'reminders'].map((lib) => [
        `@casetrack/${lib}`,
        [join(REPO, 'libs', lib, 'src')],
      ]),
    ),
  });
  return new Map(
    files.map((file) => [
      file.slice(dir.length + 1),
      [
        ...program.getSyntacticDiagnostics(program.getSourceFile(file)),
        ...program.getSemanticDiagnostics(program.getSourceFile(file)),
      ],
    ]),
  );
}
