import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tilbudsnet/auth';
import { YEAR } from '../params';
import { RecordingYearResult, type YearResultView } from './recording-year-result';
import { YearResultRequest } from './year-result.request';

/** Efterregulering over HTTP. */
@ApiTags('tariffs')
@ApiBearerAuth()
@Controller()
export class RecordYearResultController {
  constructor(private readonly recording: RecordingYearResult) {}

  /** Efterregulering: the year's actual cost; answers with the result and what is carried into which year. */
  @ApiOperation({ summary: "Record the year's result (efterregulering)", description: "The year's actual cost against the tariff income from the statements; up to 5 % of the cost basis goes into next year's budget, the rest two years after." })
  @Post('offers/:offerId/results/:year')
  @HttpCode(200)
  @Roles('offer-manager')
  recordResult(
    @Param('offerId', new ParseUUIDPipe()) offerId: string, @Param('year', YEAR) year: string, @Body() body: YearResultRequest, @CurrentPrincipal() principal: Principal,
  ): Promise<YearResultView> {
    return this.recording.record(offerId, Number(year), body.actualCost, principal);
  }
}
