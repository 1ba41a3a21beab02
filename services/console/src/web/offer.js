// The offer page (tilbudsside), for every role: what the offer is, who runs it, its places now,
// and its published tariff with the service packages.
import { groupName, lang, me, municipalityName, regionName, statusName, t } from './app.js';
import { formatAmount, formatDate, plural } from './formats.js';
import { effectSection } from './progression.js';
import { unitsText } from './bookings.js';
import { api, el } from './ui.js';

async function offerPage({ params }) {
  // Fresh on every visit (not the page-load cache): the manager may just have edited it.
  const offer = await api(`/offers/offers/${params[0]}`).catch(() => null);
  if (!offer) return [el('h1', {}, t('unknownOffer'))];
  const year = new Date().getFullYear();
  // Before approval a tariff is not public (403), and an offer may have none yet (404): either way, none is shown.
  const tariff = await api(`/tariffs/offers/${offer.offerId}/tariffs/${year}`).catch(() => null);
  const c = offer.capacity;
  const terms = (rows) => el('dl', { class: 'contract' }, ...rows.filter(Boolean).flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
  const admits = offer.status === 'active';
  return [
    el('h1', {}, offer.name),
    offer.demo ? el('p', { class: 'badge warn' }, t('demoOffer')) : '',
    terms([
      [t('status'), el('strong', { id: 'offer-status' }, statusName(offer.status))],
      [t('operator'), offer.operator.name],
      [t('address'), `${offer.address.street}, ${offer.address.postalCode} ${offer.address.city}`],
      [t('municipality'), municipalityName(offer.municipalityCode)],
      [t('region'), regionName(offer.regionCode)],
      [t('paragraph'), offer.paragraphs.map((p) => `§ ${p.paragraph} (${plural(p.approvedPlaces, t('approvedPlacesWord'), lang())})`).join(', ')],
      [t('targetGroup'), offer.targetGroups.map(groupName).join(', ')],
      [t('specialisation'), t('specialisationLevels')[offer.specialisationLevel] ?? offer.specialisationLevel],
      [t('frameworkAgreement'), offer.frameworkAgreement ? t('yes') : t('no')],
      [t('budgetedOccupancy'), `${offer.budgetedOccupancyPct.toLocaleString(lang() === 'da' ? 'da-DK' : 'en-GB')} %`],
      [t('lastConfirmed'), offer.lastConfirmedAt ? formatDate(offer.lastConfirmedAt.slice(0, 10), lang()) : t('neverConfirmed')],
      [t('supervision'), el('span', { id: 'offer-supervision' }, offer.supervision
        ? `${t('supervisionStatuses')[offer.supervision.status] ?? offer.supervision.status} (${t('decidedOn').toLowerCase()} ${formatDate(offer.supervision.decidedOn, lang())})` : t('notRecorded'))],
    ]),
    el('h2', {}, t('capacity')),
    // A single service (enkeltydelse) sells units per week or month; an offer with places has places.
    offer.units ? terms([
      [t('singleService'), el('span', { id: 'offer-units' }, unitsText(offer.units))],
      offer.units.travelRegions ? [t('travelRegions'), offer.units.travelRegions.map(regionName).join(', ')] : null,
      [t('unitPrice'), tariff?.unitPrice ? formatAmount(tariff.unitPrice, lang()) : t('noUnitPrice')],
    ]) : terms([
      [t('approvedPlaces'), String(c.approvedPlaces)],
      [t('occupancy'), `${c.occupiedPlaces} ${t('occupied')}, ${c.reservedPlaces} ${t('reserved')}`],
      [t('vacantNow'), el('strong', { 'data-vacant-for': offer.offerId, 'data-offer-name': offer.name }, String(c.vacantPlaces))],
      // Offers honours a start confirmed in time even when the expired hold's place was taken meanwhile.
      c.occupiedPlaces + c.reservedPlaces > c.approvedPlaces
        ? [t('overCapacity'), el('strong', {}, t('overCapacityText')(c.occupiedPlaces + c.reservedPlaces - c.approvedPlaces))] : null,
    ]),
    el('h2', {}, `${t('tariff')} ${year}`),
    tariff?.rates && Object.keys(tariff.rates).length
      ? el('table', {}, el('caption', {}, `${t('packagesAndRates')} ${year}`),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('package')), el('th', { scope: 'col' }, t('dayTariff')))),
        el('tbody', {}, ...Object.entries(tariff.rates).map(([code, rate]) => el('tr', {}, el('th', { scope: 'row' }, code === 'base' ? t('basePackage') : code), el('td', {}, formatAmount(rate, lang()))))))
      : el('p', {}, t('noTariff')),
    ...(await effectSection(offer.offerId)),
    me()?.role === 'visitation-officer'
      ? (admits ? el('p', {}, offer.units
        ? el('a', { href: `#/book?offer=${offer.offerId}`, class: 'primary-link' }, `${t('bookUnits')}: ${offer.name}`)
        : el('a', { href: `#/new-case?offer=${offer.offerId}`, class: 'primary-link' }, `${t('requestPlace')}: ${offer.name}`)) : el('p', {}, t('noNewPlacements')))
      : '',
  ];
}

export const offerPages = { offer: offerPage };
