/**
 * The stack's floor for bench:write: the parts of a write every version of the service must run, and nothing else.
 * NestJS on Express, the service's own validation pipe and note DTO (class-validator, class-transformer), the
 * @nestjs/cqrs command bus, and one INSERT of the validated note per request, as the bare server does. No sign-in,
 * security headers, access check, fold, encryption or hash chain: what it costs beyond the bare server is what the
 * required stack costs, and the service can be no faster than it.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Inject, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus, CommandHandler, CqrsModule, type ICommandHandler } from '@nestjs/cqrs';
import { Pool } from 'pg';
import { KEEP_ALIVE_MS } from '../../../apps/api/src/bootstrap';
import { AddNoteDto } from '../../../apps/api/src/cases/case-file/case-file.dto';
import { createValidationPipe } from '../../../apps/api/src/common/validation.pipe';
import { portOf } from './service-child';

const POOL = Symbol('pool');
const INSERT = {
  name: 'bench_floor_insert',
  text: 'INSERT INTO bare_writes (id, stream_id, data, metadata) VALUES ($1, $2, $3::jsonb, $4::jsonb)',
};

class RecordNote {
  constructor(
    readonly caseId: string,
    readonly note: AddNoteDto,
  ) {}
}

@CommandHandler(RecordNote)
class RecordNoteHandler implements ICommandHandler<RecordNote, { id: string }> {
  constructor(@Inject(POOL) private readonly pool: Pool) {}

  async execute({ caseId, note }: RecordNote): Promise<{ id: string }> {
    const id = randomUUID();
    const metadata = JSON.stringify({ actorId: id, recordedAt: new Date().toISOString(), caseId });
    await this.pool.query({ ...INSERT, values: [id, caseId, JSON.stringify(note), metadata] });
    return { id };
  }
}

@Controller('v1/cases')
class NotesController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/notes')
  @HttpCode(201)
  add(@Param('caseId') caseId: string, @Body() note: AddNoteDto): Promise<{ id: string }> {
    return this.commandBus.execute<RecordNote, { id: string }>(new RecordNote(caseId, note));
  }
}

@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [NotesController],
  providers: [
    RecordNoteHandler,
    { provide: POOL, useFactory: () => new Pool({ connectionString: process.env.DATABASE_URL, max: 20 }) },
  ],
})
class StackFloorModule {}

/** Serves the floor on a free port and sends `{port}` to the driver. */
export async function serveStackFloor(): Promise<void> {
  const app = await NestFactory.create(StackFloorModule, { logger: false });
  app.useGlobalPipes(createValidationPipe());
  (app.getHttpServer() as http.Server).keepAliveTimeout = KEEP_ALIVE_MS;
  await app.listen(0, '127.0.0.1');
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
  process.send?.({ port: portOf(app.getHttpServer() as http.Server) });
}
