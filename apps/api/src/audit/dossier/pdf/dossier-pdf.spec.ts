import { assembleDossier } from '@casetrack/domain';
import { fullStoryFacts } from '../../../../../../libs/domain/src/testing/full-story';
import { renderDossierPdf } from './dossier-pdf';

describe('renderDossierPdf', () => {
  const dossier = assembleDossier(fullStoryFacts(), {
    caseId: '3f2b8c1e-1111-4222-8333-444455556666',
    generatedAt: '2022-03-01T00:00:00.000Z',
    includeInternal: false,
  });

  it('renders a PDF with an embedded font that has Cyrillic', async () => {
    const pdf = await renderDossierPdf({
      ...dossier,
      verification: { valid: true, events: 37, headHash: 'a'.repeat(64) },
    });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The embedded font is named in the file; PT Sans comes with the npm dependency.
    expect(pdf.toString('latin1')).toMatch(/FontName \/[A-Z]{6}\+PTSans-Regular/);
    expect(pdf.length).toBeGreaterThan(10_000);
  });

  it('renders a broken chain too', async () => {
    const pdf = await renderDossierPdf({
      ...dossier,
      verification: { valid: false, brokenAtVersion: 3, problem: 'hash_mismatch' },
    });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
