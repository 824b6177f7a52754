import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVIDENCE_LIMITS } from '@danvan/contracts';
import { Ctx, DomainError, ParseIdPipe, RequestContext, RequirePermission } from '@danvan/core';
import { answerWorkbook, Reply, versionedRead, VersionedRoute, versionedUpdate, versionedUpsert, WorkbookRoute } from '@danvan/kit';
import { SelfScoresInput } from '../dto/score-sheet.inputs.js';
import { EvidenceView, ScoreSheetView } from '../dto/score-sheet.view.js';
import { RankingView } from '../dto/ranking.view.js';
import { PledgeService } from '../../pledges/pledge.service.js';
import { ScoringService } from '../scoring.service.js';
import { renderRankingWorkbook } from './ranking-export.js';
import { SHEET_POLICY } from '../score-sheet.policy.js';

const EVIDENCE_QUERY_PARAMETERS = ['itemCode', 'filename'];

type ScoreSheetDto = Omit<ScoreSheetView, 'unitPath'>;

/** REST shape of a score sheet: without internal fields. */
function toSheetDto(sheet: ScoreSheetView): ScoreSheetDto {
  const { unitPath: _unitPath, ...rest } = sheet;
  return rest;
}

/** Scoring for member organisations' systems: self-scores, submission, evidence files, the ranking. */
@ApiTags('pledges')
@ApiBearerAuth()
@RequirePermission(SHEET_POLICY.readPermission)
@Controller('api/v1')
export class ScoringController {
  constructor(
    private readonly scoring: ScoringService,
    private readonly pledges: PledgeService,
  ) {}

  @Get('pledges/:id/ranking')
  @ApiOperation({ summary: 'The bloc’s ranking for the pledge, with classification (provisional until the pledge is finalised)' })
  @ApiOkResponse({ type: RankingView })
  ranking(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: string): Promise<RankingView> {
    return this.scoring.ranking(ctx, id);
  }

  @WorkbookRoute('pledges/:id/ranking.xlsx', 'The ranking as a printable Excel workbook (Vietnamese headers)')
  async rankingXlsx(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: string, @Reply() reply: FastifyReply): Promise<Buffer> {
    const pledge = await this.pledges.get(ctx, id);
    const ranking = await this.scoring.ranking(ctx, pledge);
    return answerWorkbook(reply, `xep-hang-${pledge.year}`, (now) => renderRankingWorkbook(pledge, ranking, now));
  }

  @VersionedRoute.read(ScoreSheetView, 'A unit’s score sheet (lines, evidence, review log, totals); the ETag header carries its version', {
    path: 'pledges/:id/score-sheets/:unitId',
  })
  sheet(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Param('unitId', ParseIdPipe) unitId: string,
    @Reply() reply: FastifyReply,
  ): Promise<ScoreSheetDto> {
    return versionedRead(reply, this.scoring.sheet(ctx, id, unitId), toSheetDto);
  }

  @Put('pledges/:id/score-sheets/:unitId')
  @RequirePermission(SHEET_POLICY.permission('selfScore'))
  @ApiOperation({
    summary:
      'Save self-scores (some or all lines) while scoring is open. First time without If-Match; then If-Match with the sheet’s ETag (412 when stale)',
  })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiBody({ type: SelfScoresInput })
  @ApiOkResponse({ type: ScoreSheetView })
  async saveSelfScores(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Param('unitId', ParseIdPipe) unitId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() input: SelfScoresInput,
    @Reply() reply: FastifyReply,
  ): Promise<ScoreSheetDto> {
    const sheet = await versionedUpsert(reply, ifMatch, (version) => this.scoring.saveSelfScores(ctx, id, unitId, version, input.scores));
    return toSheetDto(sheet);
  }

  @Post('pledges/:id/score-sheets/:unitId/submit')
  @RequirePermission(SHEET_POLICY.permission('submit'))
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit the sheet for review (every criterion scored); If-Match required' })
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOkResponse({ type: ScoreSheetView })
  async submit(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Param('unitId', ParseIdPipe) unitId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Reply() reply: FastifyReply,
  ): Promise<ScoreSheetDto> {
    const sheet = await versionedUpdate(reply, ifMatch, (version) => this.scoring.submit(ctx, id, unitId, version));
    return toSheetDto(sheet);
  }

  @Post('pledges/:id/score-sheets/:unitId/evidence')
  @RequirePermission(SHEET_POLICY.permission('selfScore'))
  @ApiOperation({
    summary: `Upload one evidence file for an item: the raw file as the body (${Object.keys(EVIDENCE_LIMITS.contentTypes).join(', ')}; at most 10 MB)`,
  })
  @ApiConsumes(...Object.keys(EVIDENCE_LIMITS.contentTypes))
  @ApiQuery({ name: 'itemCode', required: true, example: '1.a' })
  @ApiQuery({ name: 'filename', required: true, example: 'bien-ban-hoi-nghi.pdf' })
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: EvidenceView })
  addEvidence(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Param('unitId', ParseIdPipe) unitId: string,
    @Query() query: Record<string, unknown>,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
  ): Promise<EvidenceView> {
    // The one route whose query parameters are read one by one (the body is a file, not a DTO), so unknown
    // ones are refused here as the validation pipe refuses them on every other route.
    const unknown = Object.keys(query).filter((name) => !EVIDENCE_QUERY_PARAMETERS.includes(name));
    if (unknown.length)
      throw DomainError.validation(
        unknown.map((field) => ({
          field,
          code: 'whitelistValidation',
          message: `Tham số ${field} không được nhận: chỉ nhận itemCode và filename.`,
        })),
      );
    const itemCode = query.itemCode as string | undefined;
    const filename = query.filename as string | undefined;
    if (!Buffer.isBuffer(body)) {
      throw DomainError.validation([
        {
          field: 'Content-Type',
          code: 'type',
          message: `Gửi tệp minh chứng nguyên dạng (${Object.values(EVIDENCE_LIMITS.contentTypes).join(', ')}).`,
        },
      ]);
    }
    if (!itemCode)
      throw DomainError.validation([{ field: 'itemCode', code: 'required', message: 'Hãy ghi mục chấm điểm (tham số itemCode).' }]);
    // A parameter sent twice arrives as an array.
    const once = (name: string, value: unknown) => {
      if (value !== undefined && typeof value !== 'string')
        throw DomainError.validation([{ field: name, code: 'single', message: `Tham số ${name} chỉ được gửi một lần.` }]);
    };
    once('itemCode', itemCode);
    once('filename', filename);
    return this.scoring.addEvidence(ctx, id, unitId, { itemCode, filename: filename ?? '', contentType: contentType ?? '', data: body });
  }

  @Delete('evidence/:id')
  @RequirePermission(SHEET_POLICY.permission('selfScore'))
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Remove an evidence file of the caller’s own unit while its sheet is a draft or returned (422 otherwise); another unit’s file is 404',
  })
  @ApiNoContentResponse({ description: 'Removed' })
  async removeEvidence(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: string): Promise<void> {
    await this.scoring.removeEvidence(ctx, id);
  }

  @Get('evidence/:id')
  @ApiOperation({ summary: 'Download an evidence file' })
  @ApiProduces(...Object.keys(EVIDENCE_LIMITS.contentTypes))
  @ApiOkResponse({
    description: 'The file as uploaded (its own content type; Content-Disposition names it, X-Content-SHA256 is its digest)',
    content: Object.fromEntries(
      Object.keys(EVIDENCE_LIMITS.contentTypes).map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
    ),
    headers: {
      'Content-Disposition': {
        description: "attachment; filename*=UTF-8''<the uploaded name>",
        schema: { type: 'string', maxLength: 1000 },
      },
      'X-Content-SHA256': {
        description: 'SHA-256 of the file, hex',
        schema: { type: 'string', minLength: 64, maxLength: 64, pattern: '^[0-9a-f]{64}$' },
      },
    },
  })
  async evidence(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: string, @Reply() reply: FastifyReply): Promise<Buffer> {
    const file = await this.scoring.evidence(ctx, id);
    void reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header('x-content-sha256', file.sha256);
    return file.data;
  }
}
