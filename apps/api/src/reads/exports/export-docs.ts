import type { RouteDoc } from '../../openapi/api-route';

/** The answer of an export route in the OpenAPI document: a file in either format, as an attachment. */
export function exportAnswer(what: string): RouteDoc['answer'] {
  return {
    description: `${what}: CSV (UTF-8 with a byte order mark, CRLF line ends) or an xlsx workbook, streamed`,
    content: {
      'text/csv': { schema: { type: 'string', format: 'binary' } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: { type: 'string', format: 'binary' },
      },
    },
    headers: {
      'Content-Disposition': {
        description: 'attachment; filename="<what>-<the reader\'s date>.<format>"',
        schema: { type: 'string' },
      },
    },
  };
}
