import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { openApiDocumentWithoutServices } from './document-without-services';

/**
 * Writes the OpenAPI document the API serves to the file named by the first argument (stdout without one), without
 * a database: `scripts/lint-openapi.sh` lints it, and a client can be generated from it before any server runs.
 */
async function main(): Promise<void> {
  const json = `${JSON.stringify(await openApiDocumentWithoutServices(), null, 2)}\n`;
  const target = process.argv[2];
  if (target) writeFileSync(target, json);
  else process.stdout.write(json);
}

main().catch((error: unknown) => {
  process.stderr.write(`write-openapi failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
