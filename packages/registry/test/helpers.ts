import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { type LinkConfig, parseConfig } from '../src/index.js';

const made: string[] = [];
// Every suite importing these helpers removes its temporary files when it ends.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'khidma-reg-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function writeCsv(dir: string, name: string, header: string[], rows: string[][]): string {
  const path = join(dir, name);
  writeFileSync(path, `${[header, ...rows].map((r) => r.join(',')).join('\n')}\n`);
  return path;
}

export const PEOPLE_HEADER = ['id', 'first_name', 'last_name', 'dob', 'cin', 'city'];

/** A small two-registry fixture: Arabic script on one side, Latin variants on the other. */
export function peopleFixture(dir: string) {
  const a = writeCsv(dir, 'rnp.csv', PEOPLE_HEADER, [
    ['a1', 'محمد', 'الإدريسي', '12/03/1980', 'AB123456', 'الدار البيضاء'],
    ['a2', 'فاطمة', 'العلوي', '01/07/1975', 'C654321', 'الرباط'],
    ['a3', 'يوسف', 'بناني', '23/11/1990', '', 'فاس'],
    ['a4', 'خديجة', 'التازي', '05/02/1962', 'D111222', 'مراكش'],
    ['a5', 'عمر', 'برادة', '30/09/1985', 'E333444', 'طنجة'],
    ['a6', 'محمد', 'العلوي', '14/04/1970', 'F555666', 'الرباط'],
  ]);
  const b = writeCsv(dir, 'rsu.csv', PEOPLE_HEADER, [
    ['b1', 'Mohamed', 'El Idrissi', '1980-03-12', 'AB123456', 'Casablanca'],
    ['b2', 'Fatima', 'Alaoui', '1975-07-01', 'C654321', 'Rabat'],
    ['b3', 'Youssef', 'Bennani', '1990-11-23', '', 'Fès'],
    ['b4', 'Khadija', 'Tazi', '1962-05-02', 'D111222', 'Marrakech'],
    ['b5', 'Omar', 'Berrada', '1985-09-30', 'E333445', 'Tanger'],
    ['b6', 'Ahmed', 'Chraibi', '1950-01-01', 'G777888', 'Oujda'],
  ]);
  return { a, b };
}

export function peopleConfig(
  files: { a: string; b: string },
  overrides: Record<string, unknown> = {},
): LinkConfig {
  return parseConfig({
    linkType: 'link',
    sources: [
      { name: 'RNP', path: files.a, id: 'id', columns: { date_of_birth: 'dob' } },
      { name: 'RSU', path: files.b, id: 'id', columns: { date_of_birth: 'dob' } },
    ],
    fields: [
      { name: 'first_name', kind: 'name' },
      { name: 'last_name', kind: 'name' },
      { name: 'date_of_birth', kind: 'date' },
      { name: 'cin', kind: 'id' },
      { name: 'city', kind: 'place' },
    ],
    comparisons: [
      { field: 'first_name', swapWith: 'last_name' },
      { field: 'last_name', swapWith: 'first_name' },
      { field: 'date_of_birth' },
      { field: 'cin' },
      { field: 'city' },
    ],
    blocking: [['date_of_birth_y'], ['last_name_sk']],
    training: { uPairs: 30, maxIterations: 50, tolerance: 1e-6 },
    threshold: 0.5,
    ...overrides,
  });
}
