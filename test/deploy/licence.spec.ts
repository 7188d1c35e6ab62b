import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

/** casetrack is AGPL-3.0-or-later, and ships the licence of the font its dossier PDF embeds. */
describe('licence', () => {
  it('LICENSE is the GNU AGPL version 3, verbatim as the FSF publishes it', () => {
    const text = read('LICENSE');
    expect(text.split('\n')[0].trim()).toBe('GNU AFFERO GENERAL PUBLIC LICENSE');
    expect(text).toContain('13. Remote Network Interaction; Use with the GNU General Public License.');
    // The FSF's agpl-3.0.txt, byte for byte: a reformatted or edited copy is not the licence.
    expect(createHash('sha256').update(text).digest('hex')).toBe(
      '8486a10c4393cee1c25392769ddd3b2d6c242d6ec7928e1414efff7dfb2f07ef',
    );
  });

  it('package.json and its lockfile say AGPL-3.0-or-later, the SPDX name of "version 3 or any later version"', () => {
    expect(JSON.parse(read('package.json')).license).toBe('AGPL-3.0-or-later');
    expect(JSON.parse(read('package-lock.json')).packages[''].license).toBe('AGPL-3.0-or-later');
    expect(read('NOTICE')).toMatch(/either version 3 of the License, or \(at your option\)\s+any later version/);
  });

  it("ships the OFL of the font the dossier PDF embeds, as the font's package gives it", () => {
    expect(read('apps/api/src/audit/dossier/pdf/pdf-fonts.ts')).toContain('@expo-google-fonts/pt-sans/');
    const packaged = readFileSync(require.resolve('@expo-google-fonts/pt-sans/LICENSE_FONT'), 'utf8');
    expect(read('licenses/PT-Sans-OFL-1.1.txt')).toBe(packaged);
    expect(packaged).toContain('SIL OPEN FONT LICENSE Version 1.1');
    expect(read('NOTICE')).toContain('licenses/PT-Sans-OFL-1.1.txt');
  });
});
