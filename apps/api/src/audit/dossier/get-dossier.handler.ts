import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, type Logger } from '@casetrack/config';
import { assembleDossier, deadlinesOf, foldFacts, peopleNamedIn, type RuleSet } from '@casetrack/domain';
import { loadRuleSets } from '@casetrack/reminders';
import { verifyChain } from '@casetrack/event-store';
import { ApiException } from '../../common/api-exception';
import { LOGGER } from '../../common/logger.provider';
import { CaseStreamReader } from '../shared/case-stream.reader';
import { lookUpPeople } from './dossier-people';
import { type DossierDeadline, GetDossier, type VerifiedDossier } from './get-dossier.query';

@QueryHandler(GetDossier)
export class GetDossierHandler implements IQueryHandler<GetDossier, VerifiedDossier> {
  /** RULE_SETS, checked when the process started (main.ts). */
  private readonly ruleSets: readonly RuleSet[];

  constructor(
    private readonly streams: CaseStreamReader,
    private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ruleSets = loadRuleSets(config.reminders.ruleSets);
  }

  async execute(query: GetDossier): Promise<VerifiedDossier> {
    // Internal-only testimony leaves the organisation only by a coordinator's decision.
    if (query.includeInternal && query.reader.role !== 'coordinator') {
      throw new ApiException(403, 'FORBIDDEN', 'Only a coordinator may include internal-only allegations');
    }
    const { stored, facts } = await this.streams.read(query.caseId, query.reader);
    const verification = verifyChain(stored);
    const generatedAt = new Date().toISOString();
    const dossier = assembleDossier(facts, {
      caseId: query.caseId,
      generatedAt,
      includeInternal: query.includeInternal,
    });
    const state = foldFacts(facts);
    const deadlines = this.ruleSets
      .flatMap((set) => deadlinesOf(state, set, generatedAt))
      .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))
      .map(({ subjectId: _subject, overdue, ...deadline }): DossierDeadline => ({
        ...deadline,
        overdue: overdue === true,
      }));
    const people = await lookUpPeople(this.dataSource, peopleNamedIn(dossier));
    this.logger.info(
      {
        caseId: query.caseId,
        userId: query.reader.id,
        includeInternal: query.includeInternal,
        events: facts.length,
        valid: verification.valid,
      },
      'dossier assembled',
    );
    const { reader } = query;
    return {
      ...dossier,
      deadlines,
      verification,
      language: query.language,
      timeZone: query.timeZone,
      issuedBy: { id: reader.id, name: reader.name, role: reader.role },
      people,
    };
  }
}
