import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Registry } from 'prom-client';
import { METRICS_REGISTRY } from '@casetrack/read-model';

/**
 * Prometheus metrics: process metrics and the projector's lag. The contract leaves only login, /health and /docs
 * open, so a scraper sends a bearer token (any role: it holds no case data, only counts). The projector process
 * serves the same lag gauges without a token on its own port, for a monitoring network.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  @Get()
  async metrics(@Res({ passthrough: true }) response: Response): Promise<string> {
    const body = await this.registry.metrics();
    response.setHeader('Content-Type', this.registry.contentType);
    return body;
  }
}
