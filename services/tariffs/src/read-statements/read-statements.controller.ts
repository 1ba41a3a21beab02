import { Controller, Get, Header, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tilbudsnet/auth';
import { MONTH } from '../params';
import { ReadingStatements } from './reading-statements';
import type { StatementView } from './statement-view';

/** Statements for the paying municipality and the operator over HTTP (JSON, CSV, Excel). */
@ApiTags('tariffs')
@ApiBearerAuth()
@Controller()
export class ReadStatementsController {
  constructor(private readonly reading: ReadingStatements) {}

  /** The statements the caller may see: its municipality's bills or its operator's invoices. */
  @ApiOperation({ summary: "List the caller's statements for a month", description: "The paying municipality's bills or the operator's invoices." })
  @Get('settlements')
  @Roles('visitation-officer', 'offer-manager', 'admin')
  async statements(@Query('month', MONTH) month: string, @CurrentPrincipal() principal: Principal): Promise<{ items: StatementView[] }> {
    return { items: await this.reading.list(month, principal) };
  }

  @ApiOperation({ summary: "Export a statement as CSV", description: "Semicolon-separated, decimal commas, with the total." })
  @Get('settlements/statements/:id/csv')
  @Roles('visitation-officer', 'offer-manager', 'admin')
  @Header('content-type', 'text/csv; charset=utf-8')
  csv(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<string> {
    return this.reading.csv(id, principal);
  }

  @ApiOperation({ summary: "Export a statement as Excel", description: "One row per line, amounts as numbers." })
  @Get('settlements/statements/:id/xlsx')
  @Roles('visitation-officer', 'offer-manager', 'admin')
  async xlsx(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    return new StreamableFile(await this.reading.xlsx(id, principal), {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', disposition: `attachment; filename="afregning-${id}.xlsx"`,
    });
  }
}
