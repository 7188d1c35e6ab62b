import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { assembleDossier, type CaseFact } from '@casetrack/domain';
import type { Locale } from '@casetrack/i18n';
import { fullStoryFacts } from '../../../../../../libs/domain/src/testing/full-story';
import { compact, pdfText } from '../../../../../../test/support/pdf-text';
import type { VerifiedDossier } from '../get-dossier.query';
import { renderDossierPdf } from './dossier-pdf';

/** The story plus a note whose day was written in Almaty just after midnight: 8 January there, 7 January in UTC. */
function facts(extra: readonly CaseFact[] = []): CaseFact[] {
  const story = [...fullStoryFacts()];
  const last = story[story.length - 1];
  const note: CaseFact = {
    event: { type: 'NoteAdded', data: { text: 'Сіңлісі Әйгерім һәм қызы Ұлжан: «Өтініш қабылданды»' } },
    meta: {
      ...last.meta,
      eventId: '00000000-0000-4000-8000-0000000000ff',
      version: last.meta.version + 1,
      occurredAt: '2022-01-07T18:30:00.000Z',
      occurredAtPrecision: 'day',
      occurredOn: '2022-01-08',
    },
  };
  return [
    ...story,
    note,
    ...extra.map((fact, i) => ({ ...fact, meta: { ...fact.meta, version: note.meta.version + 1 + i } })),
  ];
}

function verified(locale: Locale, extra: readonly CaseFact[] = []): VerifiedDossier {
  const dossier = assembleDossier(facts(extra), {
    caseId: '3f2b8c1e-1111-4222-8333-444455556666',
    generatedAt: '2022-03-01T00:00:00.000Z',
    includeInternal: false,
  });
  return {
    ...dossier,
    verification: { valid: true, events: 37, headHash: 'a'.repeat(64) },
    deadlines: [],
    language: locale,
    timeZone: 'Asia/Almaty',
    issuedBy: { id: 'coordinator-1', name: 'Дана Нұрланқызы', role: 'coordinator' },
    people: [
      { id: 'lawyer-1', name: 'Ерлан Құдайбергенов', role: 'lawyer' },
      { id: 'coordinator-1', name: 'Дана Нұрланқызы', role: 'coordinator' },
    ],
  };
}

async function render(
  locale: Locale,
  timeZone = 'Asia/Almaty',
  extra: readonly CaseFact[] = [],
): Promise<{ pdf: Buffer; text: string }> {
  const dossier = verified(locale, extra);
  const pdf = await renderDossierPdf({
    dossier,
    reading: { locale, timeZone, people: new Map(dossier.people.map((p) => [p.id, p])) },
  });
  return { pdf, text: compact(pdfText(pdf)) };
}

/** Debian's poppler-utils (`.ci/run` installs them when missing). */
const run = promisify(execFile);

describe('renderDossierPdf', () => {
  it('renders a PDF with an embedded font that has Cyrillic', async () => {
    const { pdf } = await render('en');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The embedded font is named in the file; PT Sans comes with the npm dependency.
    expect(pdf.toString('latin1')).toMatch(/FontName \/[A-Z]{6}\+PTSans-Regular/);
    expect(pdf.length).toBeGreaterThan(10_000);
  });

  it('writes Kazakh with its own letters, none replaced, and the day fact as 8 January', async () => {
    const { text } = await render('kk');
    for (const letter of ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і']) expect(text).toContain(letter);
    expect(text).not.toMatch(/[\uFFFD?]{2}/);
    expect(text).toContain(compact('Іс бойынша досье: Жолатов Арман Серикович'));
    expect(text).toContain(compact('Болған уақыты: 2022 жылғы 8 қаңтар'));
    expect(text).toContain(compact('Ерлан Құдайбергенов, адвокат'));
    expect(text).toContain(compact('берген: Дана Нұрланқызы, үйлестіруші, 2022 жылғы 1 наурыз, 06:00 (Asia/Almaty)'));
  });

  it.each([
    ['kk', 'Іс бойынша досье', '2022 жылғы 8 қаңтар'],
    ['ru', 'Досье по делу', '8 января 2022'],
    ['en', 'Case dossier', '8 January 2022'],
  ] as const)('renders in %s to a PNG with pdftoppm, and pdftotext reads it back', async (locale, title, day) => {
    const { pdf } = await render(locale);
    const dir = mkdtempSync(join(tmpdir(), 'casetrack-dossier-'));
    try {
      writeFileSync(join(dir, 'dossier.pdf'), pdf);
      await run('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', join(dir, 'dossier.pdf'), join(dir, 'page')]);
      const png = readFileSync(join(dir, 'page-1.png'));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      // A page with its text drawn, not a blank or a box-per-glyph page: it compresses to well over a few KB.
      expect(png.length).toBeGreaterThan(20_000);
      const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', join(dir, 'dossier.pdf'), '-']);
      expect(compact(stdout)).toContain(compact(title));
      expect(compact(stdout)).toContain(compact(day));
      if (locale === 'kk') for (const letter of 'әғқңөұүһі') expect(stdout).toContain(letter);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes Russian and English with dates in the reader’s zone and people by name', async () => {
    const ru = await render('ru');
    expect(ru.text).toContain(compact('Досье по делу: Жолатов Арман Серикович'));
    expect(ru.text).toContain(compact('Произошло: 8 января 2022 г.'));
    expect(ru.text).toContain(compact('выдано: Дана Нұрланқызы, координатор, 1 марта 2022 г., 06:00 (Asia/Almaty)'));
    const en = await render('en', 'America/New_York');
    expect(en.text).toContain(compact('Happened: 8 January 2022'));
    expect(en.text).toContain(compact('issued by Дана Нұрланқызы, coordinator on 28 February 2022, 19:00'));
    expect(en.text).not.toContain('Lawyerlawyer-1');
  });

  it('prints a hearing known to the day only by its date alone, in its heading and its record', async () => {
    const last = fullStoryFacts()[fullStoryFacts().length - 1];
    const dayOnly: CaseFact = {
      event: {
        type: 'HearingScheduled',
        // 20 March in Almaty, stored as that day's midnight there (19 March 19:00 UTC).
        data: {
          hearingId: '00000000-0000-4000-8000-0000000000aa',
          kind: 'appeal',
          court: 'Almaty city court',
          scheduledAt: '2022-03-19T19:00:00.000Z',
          scheduledAtPrecision: 'day',
        },
      },
      meta: { ...last.meta, eventId: '00000000-0000-4000-8000-0000000000fe', occurredAt: '2022-02-20T05:00:00.000Z' },
    };
    const { text } = await render('en', 'Asia/Almaty', [dayOnly]);
    expect(text).toContain(compact('appeal: Almaty city court, 20 March 2022Scheduled, not yet held'));
    expect(text).toContain(compact('Scheduled for 20 March 2022'));
    expect(text).not.toContain(compact('20 March 2022, 00:00'));
    expect(text).not.toContain(compact('19 March 2022'));
  });

  it('names the empty sections once instead of printing each empty heading', async () => {
    const { text } = await render('en');
    expect(text).toContain(compact('Sections with nothing recorded'));
    expect(text.split(compact('None recorded')).length).toBe(1);
  });

  it('lists the deadlines by law the case had, in the reader’s language, with their article and official text', async () => {
    const dossier: VerifiedDossier = {
      ...verified('ru'),
      deadlines: [
        {
          ruleSetId: 'kz',
          ruleSetVersion: '2026-12-01',
          ruleId: 'kz.detention.court-decision-72h',
          fact: 'detention',
          from: '2022-01-05T03:00:00.000Z',
          dueAt: '2022-01-08T03:00:00.000Z',
          precision: 'day',
          remind: 'coordinators',
          name: {
            en: 'Held 72 hours without a court decision',
            ru: '72 часа под стражей без решения суда',
            kk: 'Сот шешімінсіз 72 сағат ұсталуда',
          },
          source: {
            article: 'Criminal Procedure Code, art. 131 part 4',
            title: 'Criminal Procedure Code of the Republic of Kazakhstan of 4 July 2014 No. 231-V',
            url: 'https://adilet.zan.kz/eng/docs/K1400000231',
          },
          overdue: true,
        },
      ],
    };
    const pdf = await renderDossierPdf({
      dossier,
      reading: { locale: 'ru', timeZone: 'Asia/Almaty', people: new Map() },
    });
    const text = compact(pdfText(pdf));
    expect(text).toContain(compact('Сроки по закону на момент выдачи досье'));
    expect(text).toContain(
      compact(
        '72 часа под стражей без решения суда 8 января 2022 г. (срок истёк). Criminal Procedure Code, art. 131 part 4: https://adilet.zan.kz/eng/docs/K1400000231',
      ),
    );
    // Where no rule set applies, the section is not printed at all (it is not a section of recorded facts).
    expect((await render('ru')).text).not.toContain(compact('Сроки по закону'));
  });

  it('renders a broken chain too', async () => {
    const dossier = verified('ru');
    const pdf = await renderDossierPdf({
      dossier: { ...dossier, verification: { valid: false, brokenAtVersion: 3, problem: 'hash_mismatch' } },
      reading: { locale: 'ru', timeZone: 'UTC', people: new Map() },
    });
    expect(compact(pdfText(pdf))).toContain(compact('ЦЕПОЧКА ХЕШЕЙ НАРУШЕНА на версии 3'));
  });
});
