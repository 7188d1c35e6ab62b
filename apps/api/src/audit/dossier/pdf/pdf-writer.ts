import PDFDocument from 'pdfkit';
import type { AnyDossierRecord } from '@casetrack/domain';
import { describeRecord } from './describe-record';
import { dossierFonts } from './pdf-fonts';
import type { DossierText } from './pdf-format';

const REGULAR = 'dossier-regular';
const BOLD = 'dossier-bold';
const INK = '#111111';
const MUTED = '#555555';
const RULE = '#bbbbbb';

/** A thin layer over pdfkit with the few blocks a dossier is made of, so the layout reads as a document outline. */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly fontSource: string;

  constructor(
    title: string,
    private readonly text: DossierText,
  ) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: 56, bottom: 64, left: 56, right: 56 },
      bufferPages: true,
      info: { Title: title, Creator: 'casetrack' },
      lang: text.locale,
    });
    const fonts = dossierFonts();
    if (fonts) {
      this.doc.registerFont(REGULAR, fonts.regular);
      this.doc.registerFont(BOLD, fonts.bold);
      this.fontSource = fonts.source;
    } else {
      // Without an embedded font Cyrillic cannot be shown; the built-in fonts keep the rest readable.
      this.doc.registerFont(REGULAR, 'Helvetica');
      this.doc.registerFont(BOLD, 'Helvetica-Bold');
      this.fontSource = 'Helvetica (no Cyrillic)';
    }
    this.doc.font(REGULAR).fillColor(INK);
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  title(text: string, subtitle: string): void {
    this.doc.font(BOLD).fontSize(20).fillColor(INK).text(text);
    this.doc.font(REGULAR).fontSize(10).fillColor(MUTED).text(subtitle).moveDown(0.8);
  }

  section(text: string): void {
    this.keepWithNext(60);
    this.doc.moveDown(0.6);
    this.doc.font(BOLD).fontSize(13).fillColor(INK).text(text);
    const y = this.doc.y + 2;
    this.doc
      .moveTo(this.doc.page.margins.left, y)
      .lineTo(this.doc.page.margins.left + this.width, y)
      .strokeColor(RULE)
      .lineWidth(0.7)
      .stroke();
    this.doc.moveDown(0.5);
  }

  subheading(text: string, details: string[] = []): void {
    this.keepWithNext(48);
    this.doc.moveDown(0.3);
    this.doc.font(BOLD).fontSize(11).fillColor(INK).text(text);
    for (const line of details) this.doc.font(REGULAR).fontSize(9.5).fillColor(INK).text(line);
    this.doc.moveDown(0.2);
  }

  /** `Label: value` lines in a two-column form. */
  facts(pairs: ReadonlyArray<readonly [string, string]>): void {
    const left = this.doc.page.margins.left;
    for (const [name, value] of pairs) {
      this.keepWithNext(14);
      const y = this.doc.y;
      this.doc.font(BOLD).fontSize(10).fillColor(MUTED).text(name, left, y, { width: 130 });
      this.doc
        .font(REGULAR)
        .fontSize(10)
        .fillColor(INK)
        .text(value, left + 135, y, { width: this.width - 135 });
      this.doc.x = left;
    }
    this.doc.moveDown(0.3);
  }

  paragraph(text: string, muted = false): void {
    this.doc
      .font(REGULAR)
      .fontSize(10)
      .fillColor(muted ? MUTED : INK)
      .text(text, { width: this.width });
  }

  /** One fact: what was stated, its details, and the provenance line with both times and the recorder. */
  record(record: AnyDossierRecord, indent = 12): void {
    const { title, lines } = describeRecord(record, this.text);
    const left = this.doc.page.margins.left + indent;
    const width = this.width - indent;
    this.keepWithNext(40);
    this.doc.font(BOLD).fontSize(10).fillColor(INK).text(title, left, this.doc.y, { width });
    for (const line of lines)
      this.doc.font(REGULAR).fontSize(10).fillColor(INK).text(line, left, this.doc.y, { width });
    this.doc.font(REGULAR).fontSize(8).fillColor(MUTED).text(this.text.provenance(record), left, this.doc.y, { width });
    this.doc.x = this.doc.page.margins.left;
    this.doc.moveDown(0.45);
  }

  /** Page footers are drawn last, when the number of pages is known. */
  footers(text: string): void {
    const range = this.doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index += 1) {
      this.doc.switchToPage(index);
      const { margins, height } = this.doc.page;
      // Writing inside the bottom margin would otherwise make pdfkit open a new page.
      const bottom = margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc
        .font(REGULAR)
        .fontSize(8)
        .fillColor(MUTED)
        .text(
          this.text.t('footer.page', { text, page: index + 1, pages: range.count }),
          margins.left,
          height - bottom + 24,
          {
            width: this.width,
            align: 'center',
            lineBreak: false,
          },
        );
      this.doc.page.margins.bottom = bottom;
    }
  }

  finish(): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
      this.doc.end();
    });
  }

  /** Starts a new page when less than `points` of room is left, so a heading is never alone at a page's foot. */
  private keepWithNext(points: number): void {
    const limit = this.doc.page.height - this.doc.page.margins.bottom;
    if (this.doc.y + points > limit) this.doc.addPage();
  }
}
