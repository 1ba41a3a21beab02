import { databaseUrlFor, portFor } from './service-config';

describe('service configuration', () => {
  it('gives each service its own database on the shared server', () => {
    expect(databaseUrlFor('offers', {})).toBe('postgres://postgres@127.0.0.1:5432/tilbudsnet_offers');
    expect(databaseUrlFor('visitation', { DATABASE_URL: 'postgres://u:p@db:5433/x?sslmode=require' }))
      .toBe('postgres://u:p@db:5433/tilbudsnet_visitation?sslmode=require');
  });

  it('lets one service point at a database of its own', () => {
    expect(databaseUrlFor('offers', { OFFERS_DATABASE_URL: 'postgres://a@b/c', DATABASE_URL: 'postgres://x@y/z' })).toBe('postgres://a@b/c');
  });

  it('takes ports from the environment or the defaults', () => {
    expect(portFor('visitation', {})).toBe(3002);
    expect(portFor('offers', { OFFERS_PORT: '4001' })).toBe(4001);
  });
});
