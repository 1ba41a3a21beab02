import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SearchOffersQuery } from './search-offers.query';
import { SearchingOffers, type SearchResult } from './searching-offers.service';

@ApiTags('search')
@Controller('offers')
export class SearchOffersController {
  constructor(private readonly searching: SearchingOffers) {}

  @Get()
  search(@Query() query: SearchOffersQuery): Promise<SearchResult> {
    return this.searching.search(query);
  }
}
