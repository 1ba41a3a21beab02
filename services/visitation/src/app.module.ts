import { Module } from '@nestjs/common';
import { MessagingModule } from '@tilbudsnet/messaging';
import { DatabaseModule, HealthController } from '@tilbudsnet/platform';
import { CatalogueOfferRecord } from './catalogue/catalogue-offer.entity';
import { CatalogueHandlers } from './catalogue/catalogue.handlers';
import { Catalogue1763800000200 } from './migrations/1763800000200-catalogue';
import { SearchOffersController } from './search-offers/search-offers.controller';
import { SearchingOffers } from './search-offers/searching-offers.service';

@Module({
  imports: [
    DatabaseModule.forService('visitation', { entities: [CatalogueOfferRecord], migrations: [Catalogue1763800000200] }),
    MessagingModule.forService({ service: 'visitation' }),
  ],
  controllers: [HealthController, SearchOffersController, CatalogueHandlers],
  providers: [SearchingOffers],
})
export class AppModule {}
