import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROLES, Roles } from '@tilbudsnet/auth';
import { SearchOffersQuery } from './search-offers.query';
import { SearchingOffers, type SearchResult } from './searching-offers';

@ApiTags('search')
@ApiBearerAuth()
@Controller('offers')
export class SearchOffersController {
  constructor(private readonly searching: SearchingOffers) {}

  /** The catalogue holds no personal data: every role searches it. */
  @ApiOperation({ summary: "Search offers across all municipalities (tilbudssøgning)", description: "Ranks the catalogue by fit with the needs, vacancy, distance and price, with the reasons shown. The catalogue holds no personal data: every role may search it." })
  @Get()
  @Roles(...ROLES)
  search(@Query() query: SearchOffersQuery): Promise<SearchResult> {
    return this.searching.search(query);
  }
}
