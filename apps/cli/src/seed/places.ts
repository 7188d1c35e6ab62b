import type { Facility } from '@casetrack/domain';
import type { Random } from './random';

/** Where the demo's detentions happen, with a rough share of the cases (the largest protests were in Almaty). */
export const CITIES: Readonly<Record<string, number>> = {
  Almaty: 40,
  Astana: 8,
  Shymkent: 9,
  Karaganda: 6,
  Aktobe: 6,
  Taraz: 7,
  Zhanaozen: 6,
  Aktau: 6,
  Taldykorgan: 7,
  Kyzylorda: 5,
};

/** Invented institutions of a city: district police stations, a temporary detention centre, a SIZO, courts. */
export interface CityPlaces {
  policeStation(random: Random): Facility;
  temporaryDetention: Facility;
  specialDetention: Facility;
  pretrial: Facility;
  hospital: Facility;
  prison: Facility;
  court(random: Random): string;
  square: string;
}

const DISTRICTS = ['Central', 'Northern', 'Eastern', 'Riverside', 'Old Town', 'Industrial'];

export function placesOf(city: string): CityPlaces {
  // Stable per city, so the facility filter finds many cases at the same place.
  const n = [...city].reduce((sum, c) => sum + c.charCodeAt(0), 0);
  return {
    policeStation: (random) => ({
      name: `${random.pick(DISTRICTS)} district police department`,
      city,
      kind: 'police_station',
    }),
    temporaryDetention: { name: `${city} temporary detention facility`, city, kind: 'temporary_detention' },
    specialDetention: {
      code: `SP-${(n % 9) + 1}`,
      name: `${city} special detention centre`,
      city,
      kind: 'special_detention',
    },
    pretrial: {
      code: `SI-${(n % 20) + 1}`,
      name: `${city} pretrial detention centre`,
      city,
      kind: 'pretrial_detention',
    },
    hospital: { name: `${city} city hospital No. ${(n % 5) + 1}`, city, kind: 'hospital' },
    prison: {
      code: `LA-155/${(n % 30) + 1}`,
      name: `Correctional colony LA-155/${(n % 30) + 1}`,
      city,
      kind: 'prison',
    },
    court: (random) => `${random.pick(DISTRICTS)} district court of ${city}`,
    square: byIndex(['Republic Square', 'Independence Square', 'the akimat building', 'the central market'], n),
  };
}

function byIndex<T>(items: readonly T[], n: number): T {
  return items[n % items.length];
}

/** Criminal articles seen in protest cases, with neutral titles. */
export const CRIMINAL_ARTICLES: ReadonlyArray<{ article: string; part?: string; title: string; weight: number }> = [
  { article: '272', part: '2', title: 'Participation in mass riots', weight: 50 },
  { article: '255', part: '4', title: 'Act of terrorism', weight: 8 },
  { article: '269', part: '1', title: 'Attack on buildings of strategic importance', weight: 10 },
  { article: '274', part: '2', title: 'Spreading knowingly false information', weight: 15 },
  { article: '175', title: 'High treason', weight: 2 },
  { article: '293', part: '2', title: 'Hooliganism', weight: 10 },
];

export const ADMINISTRATIVE_ARTICLES: ReadonlyArray<{ article: string; part?: string; title: string }> = [
  { article: '488', part: '6', title: 'Breach of the law on peaceful assemblies' },
  { article: '667', title: 'Disobedience to a lawful order of a police officer' },
  { article: '434', title: 'Petty hooliganism' },
];
