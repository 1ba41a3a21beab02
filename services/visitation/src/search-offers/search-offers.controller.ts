import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ROLES, Roles } from '@tilbudsnet/auth';
import { SearchOffersQuery } from './search-offers.query';
import { SearchingOffers, type SearchResult } from './searching-offers.service';

@ApiTags('search')
@ApiBearerAuth()
@Controller('offers')
export class SearchOffersController {
  constructor(private readonly searching: SearchingOffers) {}

  /** The catalogue holds no personal data: every role searches it. */
  @Get()
  @Roles(...ROLES)
  search(@Query() query: SearchOffersQuery): Promise<SearchResult> {
    return this.searching.search(query);
  }
}
