import type { CaseCommand, Facility, HearingKind, Measure } from '@casetrack/domain';
import { inventPerson, type InventedPerson, spellings } from './invented-names';
import { ADMINISTRATIVE_ARTICLES, CITIES, type CityPlaces, CRIMINAL_ARTICLES, placesOf } from './places';
import type { Random } from './random';

/** One write of a story: the domain command and when its fact happened. */
export interface StoryStep {
  command: CaseCommand;
  occurredAt: string;
}

export interface StoryContext {
  random: Random;
  /** Facts after this instant have not happened yet: the story stops there (ms since the epoch). */
  now: number;
  /** When the protests began; detentions spread over the days after it (ms since the epoch). */
  protestsBegan: number;
  newId: () => string;
  /** Lawyers who may be assigned; none assigns nobody. */
  lawyerIds: readonly string[];
}

export interface ReportedPerson {
  person: InventedPerson;
  city: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A whole case as it unfolds: report, detention, police station, charges, hearings of three or four minutes where
 * the defendant is not heard, measures with end dates, transfers, torture allegations and complaints, access
 * denied, medical needs, house arrest, release, sometimes a verdict or a death. `again` tells the same person's
 * story a second time under another spelling (a duplicate report).
 */
export function caseStory(ctx: StoryContext, again?: ReportedPerson): { reported: ReportedPerson; steps: StoryStep[] } {
  const { random } = ctx;
  const reported = again ?? { person: inventPerson(random), city: random.weighted(CITIES) };
  const story = new Story(ctx, reported.city, ctx.protestsBegan + random.int(0, 72) * HOUR);
  const names = spellings(reported.person, random);
  const [fullName, ...others] = again ? [names[2], names[1]] : random.chance(0.6) ? names : [names[1], names[0]];
  story.at(random.int(2, 30) * HOUR, {
    type: 'OpenCase',
    detainee: {
      fullName,
      nameVariants: others.slice(0, random.int(0, 2)),
      sex: reported.person.sex,
      city: reported.city,
      vulnerabilities: random.chance(0.12) ? random.some(['chronic_illness', 'wounded', 'caregiver', 'minor'], 2) : [],
    },
    source: { kind: random.weighted({ relative: 6, lawyer: 2, witness: 1, media: 1, ngo: 2 }) },
  });
  if (ctx.lawyerIds.length > 0 && random.chance(0.6)) {
    story.after(0, 12 * HOUR, {
      type: 'AssignLawyer',
      lawyerId: random.pick(ctx.lawyerIds),
      role: 'lead',
      assigneeIsLawyer: true,
    });
  }
  if (again) {
    if (random.chance(0.5)) story.detention();
    return { reported, steps: story.steps() };
  }
  story.detention();
  if (random.chance(0.08)) story.after(HOUR, 6 * HOUR, { type: 'ReportWhereaboutsUnknown' });
  story.transfer(story.places.policeStation(random));
  if (random.chance(0.3)) story.administrative();
  else story.criminal();
  return { reported, steps: story.steps() };
}

/** The clock and the facts of one case; `at`/`after` advance the clock and record a step. */
class Story {
  readonly places: CityPlaces;
  private readonly written: StoryStep[] = [];
  private time: number;
  private measureUntil = 0;

  constructor(
    private readonly ctx: StoryContext,
    private readonly city: string,
    private readonly detainedAt: number,
  ) {
    this.places = placesOf(city);
    this.time = detainedAt;
  }

  get random(): Random {
    return this.ctx.random;
  }

  at(offsetMs: number, command: CaseCommand): void {
    this.time = this.detainedAt + offsetMs;
    this.push(command, this.time);
  }

  after(minMs: number, maxMs: number, command: CaseCommand): void {
    this.time += this.random.int(minMs / MINUTE, maxMs / MINUTE) * MINUTE;
    this.push(command, this.time);
  }

  /** Everything that has happened by now, in the order it was recorded. */
  steps(): StoryStep[] {
    const cut = this.written.findIndex((step) => Date.parse(step.occurredAt) > this.ctx.now);
    return cut < 0 ? this.written : this.written.slice(0, cut);
  }

  detention(): void {
    // Recorded after the case was opened, about the moment of the arrest: late news the fold puts in its place.
    this.push(
      {
        type: 'RecordDetention',
        city: this.city,
        place: this.places.square,
        authority: this.random.weighted({ police: 6, national_guard: 2, special_forces: 1, plain_clothes: 2 }),
      },
      this.detainedAt,
    );
  }

  transfer(facility: Facility): void {
    this.after(HOUR, 10 * HOUR, { type: 'TransferDetainee', facility });
  }

  /** Administrative arrest: a short hearing, some days in a special detention centre, release at the end. */
  administrative(): void {
    const { random } = this;
    const charge = random.pick(ADMINISTRATIVE_ARTICLES);
    this.after(HOUR, 8 * HOUR, { type: 'BringCharge', chargeId: this.ctx.newId(), code: 'administrative', ...charge });
    const hearingId = this.hearing('other', 4 * HOUR, 20 * HOUR);
    this.held(hearingId);
    const days = random.pick([5, 10, 10, 15, 15, 20]);
    if (random.chance(0.8)) {
      this.after(0, 30 * MINUTE, { type: 'ImposeAdministrativeSanction', kind: 'arrest', days });
      this.transfer(this.places.specialDetention);
      this.after(days * DAY - 12 * HOUR, days * DAY, { type: 'Release', grounds: 'administrative_term_served' });
    } else {
      this.after(0, 30 * MINUTE, {
        type: 'ImposeAdministrativeSanction',
        kind: 'fine',
        amount: 306_300,
        currency: 'KZT',
      });
      this.after(HOUR, 3 * HOUR, { type: 'Release', grounds: 'other' });
    }
  }

  /** A criminal case: charges, measure hearings, SIZO, allegations and complaints; house arrest, release, verdict. */
  criminal(): void {
    const { random } = this;
    const charge = pickWeighted(random, CRIMINAL_ARTICLES);
    const chargeId = this.ctx.newId();
    this.after(2 * HOUR, DAY, {
      type: 'BringCharge',
      chargeId,
      code: 'criminal',
      article: charge.article,
      ...(charge.part ? { part: charge.part } : {}),
      title: charge.title,
    });
    this.transfer(this.places.temporaryDetention);
    if (random.chance(0.3)) this.accessDenied();
    const measure = random.weighted<Measure>({
      pretrial_detention: 70,
      house_arrest: 18,
      bail: 5,
      travel_ban: 5,
      recognizance: 2,
    });
    const hearingId = this.hearing('preventive_measure', 10 * HOUR, 2 * DAY);
    this.held(hearingId);
    this.measure(measure, hearingId, 60);
    if (measure === 'pretrial_detention') this.transfer(this.places.pretrial);
    if (random.chance(0.25)) this.torture();
    if (random.chance(0.15)) this.medical();
    if (random.chance(0.1)) {
      this.after(DAY, 20 * DAY, {
        type: 'RequalifyCharge',
        chargeId,
        article: '272',
        part: '1',
        title: 'Organising mass riots',
      });
    }
    // A long tail: some cases go through many extensions, each with its own short hearing.
    const extensions = random.chance(0.05) ? random.int(3, 8) : random.chance(0.3) ? 1 : 0;
    for (let i = 0; i < extensions && this.measureUntil > 0; i++) {
      const extension = this.hearing('measure_extension', 40 * DAY, 55 * DAY);
      this.held(extension);
      this.after(0, HOUR, {
        type: 'ExtendPreventiveMeasure',
        until: new Date(this.measureUntil + random.int(30, 60) * DAY).toISOString(),
        hearingId: extension,
      });
      this.measureUntil += 45 * DAY;
      if (random.chance(0.3)) this.after(DAY, 5 * DAY, { type: 'AddNote', text: 'Family visit refused again.' });
    }
    this.ending(chargeId, measure);
  }

  private ending(chargeId: string, measure: Measure): void {
    const { random } = this;
    const roll = random.next();
    if (roll < 0.005) {
      this.after(DAY, 30 * DAY, { type: 'RecordDeath', circumstances: 'in_custody', bodyReleased: random.chance(0.5) });
    } else if (roll < 0.2 && measure === 'pretrial_detention') {
      this.after(10 * DAY, 40 * DAY, {
        type: 'ReleaseToHouseArrest',
        until: new Date(this.time + 100 * DAY).toISOString(),
      });
      if (random.chance(0.4)) this.after(20 * DAY, 60 * DAY, { type: 'Release', grounds: 'amnesty' });
    } else if (roll < 0.45) {
      if (random.chance(0.3)) this.after(5 * DAY, 30 * DAY, { type: 'DropCharge', chargeId, reason: 'No evidence' });
      if (measure === 'pretrial_detention') {
        this.after(DAY, 30 * DAY, {
          type: 'Release',
          grounds: random.pick(['charges_dropped', 'bail', 'amnesty'] as const),
        });
      }
    } else if (roll < 0.55) {
      const trial = this.hearing('trial', 30 * DAY, 80 * DAY);
      this.held(trial, 90);
      const months = random.pick([24, 36, 60, 84]);
      this.after(0, HOUR, {
        type: 'DeliverVerdict',
        outcome: 'convicted',
        sentence: { kind: random.chance(0.7) ? 'imprisonment' : 'restricted_freedom', months },
      });
      if (measure === 'pretrial_detention') this.transfer(this.places.prison);
    }
  }

  private hearing(kind: HearingKind, minMs: number, maxMs: number): string {
    const hearingId = this.ctx.newId();
    const scheduledAt = this.time + this.random.int(minMs / HOUR, maxMs / HOUR) * HOUR;
    this.after(30 * MINUTE, 3 * HOUR, {
      type: 'ScheduleHearing',
      hearingId,
      kind,
      court: this.places.court(this.random),
      scheduledAt: new Date(scheduledAt).toISOString(),
    });
    if (this.random.chance(0.15)) {
      this.after(HOUR, 6 * HOUR, {
        type: 'RescheduleHearing',
        hearingId,
        scheduledAt: new Date(scheduledAt + this.random.int(1, 3) * DAY).toISOString(),
        reason: 'Judge unavailable',
      });
      this.time = scheduledAt + DAY;
    } else {
      this.time = scheduledAt;
    }
    return hearingId;
  }

  /** Held as they were: three or four minutes, the defendant often not heard. */
  private held(hearingId: string, minutes?: number): void {
    this.after(MINUTE, 10 * MINUTE, {
      type: 'RecordHearingOutcome',
      hearingId,
      outcome: 'Request of the investigator granted',
      durationMinutes: minutes ?? this.random.int(3, 4),
      defendantHeard: this.random.chance(0.25),
      lawyerPresent: this.random.chance(0.6),
    });
  }

  private measure(measure: Measure, hearingId: string, days: number): void {
    const until = this.time + days * DAY;
    this.after(0, 30 * MINUTE, {
      type: 'ImposePreventiveMeasure',
      measure,
      until: new Date(until).toISOString(),
      hearingId,
    });
    this.measureUntil = measure === 'pretrial_detention' || measure === 'house_arrest' ? until : 0;
  }

  private torture(): void {
    const { random } = this;
    const allegationId = this.ctx.newId();
    this.after(DAY, 10 * DAY, {
      type: 'RecordTortureAllegation',
      allegationId,
      periodFrom: new Date(this.detainedAt).toISOString(),
      periodTo: new Date(this.detainedAt + random.int(1, 4) * DAY).toISOString(),
      facility: this.places.temporaryDetention.name,
      methods: random.some(
        ['beating', 'electric_shock', 'suffocation', 'stress_positions', 'threats_to_family', 'forced_confession'],
        3,
      ),
      evidence: [],
      consent: random.weighted({ full: 3, anonymised: 5, internal_only: 2 }),
    });
    if (!random.chance(0.7)) return;
    const complaintId = this.ctx.newId();
    this.after(DAY, 7 * DAY, {
      type: 'FileComplaint',
      complaintId,
      allegationId,
      filedWith: random.weighted({ prosecutor: 6, anti_corruption_agency: 1, ombudsperson: 2, un_body: 1 }),
      responseDueAt: new Date(this.time + 30 * DAY).toISOString(),
    });
    if (random.chance(0.15)) {
      this.after(DAY, 10 * DAY, {
        type: 'RecordComplainantPressure',
        complaintId,
        details: 'Visited by officers at home.',
      });
    }
    if (random.chance(0.05)) {
      this.after(DAY, 10 * DAY, { type: 'WithdrawComplaint', complaintId, reason: 'Withdrawn under pressure.' });
    } else if (random.chance(0.6)) {
      this.after(15 * DAY, 45 * DAY, {
        type: 'RecordComplaintResponse',
        complaintId,
        outcome: random.weighted({ refused: 6, investigation_opened: 2, forwarded: 2 }),
      });
    }
  }

  private accessDenied(): void {
    this.after(HOUR, DAY, {
      type: 'RecordAccessDenial',
      who: this.random.weighted({ lawyer: 5, relatives: 3, doctor: 2 }),
    });
  }

  private medical(): void {
    const kind = this.random.weighted({ need: 5, care_denied: 3, hospitalised: 2 });
    this.after(DAY, 20 * DAY, { type: 'RecordMedicalFact', kind, details: 'Needs regular medication.' });
  }

  private push(command: CaseCommand, at: number): void {
    this.written.push({ command, occurredAt: new Date(at).toISOString() });
  }
}

function pickWeighted<T extends { weight: number }>(random: Random, items: readonly T[]): T {
  let roll = random.next() * items.reduce((sum, item) => sum + item.weight, 0);
  for (const item of items) {
    roll -= item.weight;
    if (roll < 0) return item;
  }
  return items[items.length - 1];
}
