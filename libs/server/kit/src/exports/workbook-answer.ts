import { applyDecorators, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { XLSX_CONTENT_TYPE, xlsxDownload } from '@danvan/core';

/**
 * The route of a printable Excel export (`GET <path>`, e.g. `export.xlsx`) with its OpenAPI
 * operation: `summary` and the .xlsx answer. The handler answers with `answerWorkbook`; the row
 * limit (422 beyond MAX_EXPORT_ROWS) is the service's `assertExportable`.
 */
export function WorkbookRoute(path: string, summary: string): MethodDecorator {
  return applyDecorators(
    Get(path),
    ApiOperation({ summary }),
    ApiProduces(XLSX_CONTENT_TYPE),
    ApiOkResponse({
      description: 'An .xlsx file with Vietnamese headers',
      content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } },
    }),
  );
}

/**
 * Answers a workbook download: `render` builds it at one instant (the time printed in it), and the
 * answer carries the .xlsx Content-Type and a Content-Disposition naming the file
 * `<fileName>-<yyyy-MM-dd>.xlsx` after that instant's day in Vietnam.
 */
export async function answerWorkbook(reply: FastifyReply, fileName: string, render: (now: Date) => Promise<Buffer>): Promise<Buffer> {
  const now = new Date();
  const workbook = await render(now);
  void reply.headers(xlsxDownload(fileName, now));
  return workbook;
}
