import { readFileSync } from 'node:fs';

/** Font files for the dossier, or null when only PDF's built-in fonts are left (they have no Cyrillic). */
export interface DossierFonts {
  regular: Buffer;
  bold: Buffer;
  source: string;
}

/**
 * Names of detainees are often Cyrillic (Russian, Kazakh), so the PDF embeds a font that covers it. First choice:
 * PT Sans from an npm dependency (made for the languages written in Cyrillic, Kazakh letters included), so the
 * service needs nothing from the operating system; then DejaVu Sans where the OS has it.
 */
const CANDIDATES: ReadonlyArray<{ source: string; regular: () => string; bold: () => string }> = [
  {
    source: 'PT Sans (@expo-google-fonts/pt-sans)',
    regular: () => require.resolve('@expo-google-fonts/pt-sans/400Regular/PTSans_400Regular.ttf'),
    bold: () => require.resolve('@expo-google-fonts/pt-sans/700Bold/PTSans_700Bold.ttf'),
  },
  {
    source: 'DejaVu Sans (operating system)',
    regular: () => '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    bold: () => '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  },
];

let loaded: DossierFonts | null | undefined;

/** Loaded once per process; null means the caller falls back to Helvetica and should say so. */
export function dossierFonts(): DossierFonts | null {
  if (loaded !== undefined) return loaded;
  loaded = null;
  for (const candidate of CANDIDATES) {
    try {
      loaded = {
        regular: readFileSync(candidate.regular()),
        bold: readFileSync(candidate.bold()),
        source: candidate.source,
      };
      break;
    } catch {
      // Not installed here: try the next one.
    }
  }
  return loaded;
}
