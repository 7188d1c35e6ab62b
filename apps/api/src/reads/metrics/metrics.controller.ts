import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Registry } from 'prom-client';
import { Public } from '@casetrack/auth';
import { METRICS_REGISTRY } from '@casetrack/read-model';

/**
 * Prometheus metrics: process metrics and the projector's lag. Public like /health: it holds no case data, only
 * counts; in production it is meant to be reachable from the monitoring network only.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  @Public()
  @Get()
  async metrics(@Res({ passthrough: true }) response: Response): Promise<string> {
    const body = await this.registry.metrics();
    response.setHeader('Content-Type', this.registry.contentType);
    return body;
  }
}
