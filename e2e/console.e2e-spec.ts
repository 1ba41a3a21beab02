import type { RunningConsole } from '@tilbudsnet/console';
import { MonitoringSupply } from '@tilbudsnet/notifications';
import { RegisteringOffer } from '@tilbudsnet/offers';
import { waitUntil } from '@tilbudsnet/testing';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { wordsOfTheOtherLanguage } from './support/catalogue-words';
import { offerRequest } from './support/demo-offer';
import { call, startConsoleFor, startSystem, type RunningSystem } from './support/running-system';

/**
 * The console in Debian's Chromium against the running system: one journey per role, axe-core on
 * every page visited (no serious or critical violation), screenshots in test-output/console/.
 */
let system: RunningSystem;
let consoleApp: RunningConsole;
let browser: Browser;
const SHOTS = join(__dirname, '../test-output/console');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const checkedPages: string[] = [];

beforeAll(async () => {
  system = await startSystem('console');
  consoleApp = await startConsoleFor(system);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await consoleApp?.stop();
  await system?.stop();
});

async function signIn(user: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(consoleApp.url);
  await page.waitForSelector('#sign-in');
  if (!checkedPages.includes('welcome (signed out)')) await expectAccessible(page, 'welcome (signed out)');
  await page.click('#sign-in');
  await page.check(`input[name="user"][value="${user}"]`);
  await page.fill('input[name="password"]', system.identity.password);
  await page.click('button[type="submit"]');
  await page.waitForSelector('#sign-out:not([hidden])');
  return page;
}

/** axe-core on the page as it is now: WCAG 2.1 A and AA rules; serious and critical violations fail. */
async function expectAccessible(page: Page, label: string): Promise<void> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await (globalThis as unknown as { axe: { run(o: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } })
      .axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  checkedPages.push(label);
  expect({ page: label, violations }).toEqual({ page: label, violations: [] });
  // The page speaks one language: no text of the other language's catalogue on it.
  const { lang, text } = await page.evaluate(() => {
    const doc = (globalThis as any).document;
    return { lang: doc.documentElement.lang as string, text: doc.body.innerText as string };
  });
  expect({ page: label, lang, otherLanguage: wordsOfTheOtherLanguage(text, lang) }).toEqual({ page: label, lang, otherLanguage: [] });
  // Reflow (WCAG 1.4.10): at 320 px nothing scrolls sideways but tables inside their scroll regions.
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 900 });
  const overflow = await page.evaluate(() => {
    const doc = (globalThis as any).document;
    const wide: string[] = [];
    for (const node of doc.querySelectorAll('body *')) {
      // Inside a scroll region or a drawing: the region or the drawing itself must fit.
      if (node.parentElement?.closest('.scroll') || node.parentElement?.closest('svg')) continue;
      const box = node.getBoundingClientRect();
      // A box wider than the screen, or text running out of its box (a long word that cannot break).
      const spills = node.scrollWidth > node.clientWidth + 1 && (globalThis as any).getComputedStyle(node).overflowX === 'visible' && node.clientWidth > 0;
      if ((box.width > 0 && box.right > doc.documentElement.clientWidth + 1) || spills) wide.push(`${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${node.className ? `.${String(node.className).split(' ').join('.')}` : ''}`);
    }
    return { scrolls: doc.documentElement.scrollWidth > doc.documentElement.clientWidth, wide: [...new Set(wide)].slice(0, 8) };
  });
  if (size) await page.setViewportSize(size);
  expect({ page: label, at320: overflow }).toEqual({ page: label, at320: { scrolls: false, wide: [] } });
}

/** Opens *Nyt tilbud* and fills the offer's name and an address in Aarhus V. */
async function fillNewOffer(page: Page, name: string, street = 'Egebakken 12'): Promise<void> {
  await page.goto(`${consoleApp.url}/#/new-offer`);
  await page.waitForSelector('#offer-form');
  await page.fill('#name', name);
  await page.fill('#street', street);
  await page.fill('#postalCode', '8210');
  await page.fill('#city', 'Aarhus V');
  await page.fill('#lat', '56,1629');
  await page.fill('#lon', '10,1644');
}

/**
 * Aarhus Kommune's offer manager registers an offer in the console (*Nyt tilbud*): § 108 for autism
 * in Aarhus V, a framework-agreement offer unless told otherwise. Its id is read from the page the
 * console lands on; the test waits (reading back) until visitation's catalogue has it.
 */
async function newOffer(name: string, approvedPlaces = 12, { frameworkAgreement = true } = {}): Promise<string> {
  const page = await signIn('manager-aarhus');
  await fillNewOffer(page, name);
  await page.selectOption('#specialisationLevel', 'highly-specialised');
  await page.selectOption('#paragraph0', '108');
  await page.fill('#places0', String(approvedPlaces));
  if (frameworkAgreement) await page.check('#frameworkAgreement');
  else await page.uncheck('#frameworkAgreement');
  await page.check('#tg-autism');
  await page.click('#offer-form button[type="submit"]');
  await page.waitForSelector('#offer-status');
  const offerId = /#\/offer\/([0-9a-f-]{36})/.exec(page.url())![1];
  await page.context().close();
  const catalogue = system.visitation.app.get(DataSource);
  await waitUntil(async () => (await catalogue.query('SELECT 1 FROM catalogue_offers WHERE offer_id = $1', [offerId])).length === 1, { what: 'the offer in the catalogue' });
  return offerId;
}

/**
 * Aarhus Kommune's offer manager submits the offer's 2026 budget in the console (*Budget*): 10 mio. kr.,
 * 20 places at 95 %, with a package and an hourly rate when given. Published at once when the offer
 * has no framework agreement.
 */
async function budgetInConsole(offerId: string, extra: { packageCode?: string; supplement?: string; hourlyRate?: string } = {}): Promise<void> {
  const budgeting = await signIn('manager-aarhus');
  await budgeting.goto(`${consoleApp.url}/#/budget`);
  await budgeting.waitForSelector('#directOperatingCosts');
  await budgeting.selectOption('#offer', offerId);
  await budgeting.fill('#year', '2026');
  await budgeting.fill('#directOperatingCosts', '10.000.000,00');
  await budgeting.fill('#approvedPlaces', '20');
  await budgeting.fill('#budgetedOccupancyPct', '95');
  if (extra.packageCode) await budgeting.fill('#packageCode0', extra.packageCode);
  if (extra.supplement) await budgeting.fill('#packageSupplement0', extra.supplement);
  if (extra.hourlyRate) await budgeting.fill('#hourlyRate', extra.hourlyRate);
  await budgeting.click('button[type="submit"]');
  await budgeting.waitForSelector('#package-rates');
  expect(await budgeting.textContent('main')).toContain('Offentliggjort');
  await budgeting.context().close();
}

/**
 * An officer of København opens a case and requests a place in the console (*Ny sag*): the offer
 * found by its name, the purpose of the access chosen. Returns the placement's id from the page.
 */
async function openCaseInConsole(page: Page, offerName: string, offerId: string, citizen: { cpr: string; name: string }, { startDate, purpose = 'visitation' }: { startDate: string; purpose?: string }): Promise<string> {
  await page.goto(`${consoleApp.url}/#/new-case`);
  await page.waitForSelector('#cpr');
  await page.selectOption('#purpose', purpose);
  await page.fill('#offerQuery', offerName);
  await page.press('#offerQuery', 'Enter');
  await page.waitForSelector(`#offer-${offerId}`);
  await page.check(`#offer-${offerId}`);
  await page.fill('#cpr', citizen.cpr);
  await page.fill('#citizen', citizen.name);
  await page.fill('#startDate', startDate);
  await page.click('button[type="submit"]');
  await page.waitForURL(/#\/placements\/[0-9a-f-]{36}/);
  return /#\/placements\/([0-9a-f-]{36})/.exec(page.url())![1];
}

it('visitation officer: finds an offer, opens a case, and gets the placement confirmed', async () => {
  const offerId = await newOffer('Konsolhuset');
  const page = await signIn('officer-koebenhavn');
  expect(await page.getAttribute('html', 'lang')).toBe('da');
  // Paragraphs with their headings (the vocabulary in contracts, served by offers' /reference).
  expect(await page.textContent('#paragraph option[value="108"]')).toBe('§ 108 Længerevarende botilbud');
  await page.selectOption('#targetGroup', 'autism');
  await page.click('button[type="submit"]');
  await page.waitForSelector(`[data-offer="${offerId}"]`);
  await expectAccessible(page, 'officer: find offers');
  await page.screenshot({ path: join(SHOTS, 'officer-find-offers.png'), fullPage: true });
  expect(await page.textContent(`[data-offer="${offerId}"]`)).toContain('Derfor');

  expect(await page.isVisible(`[data-offer="${offerId}"] a.request-link`)).toBe(true);

  // Distance from a typed postal code (Aarhus V, 8210, where the offer lies), nearest first; the page says where it measured from.
  await page.fill('#q', 'Konsolhuset');
  await page.selectOption('#from', 'postal-code');
  await page.fill('#fromPostalCode', '8210');
  await page.selectOption('#sort', 'distance');
  await page.click('button[type="submit"]');
  await page.waitForSelector('#measured-from');
  expect(await page.textContent('#measured-from')).toBe('Afstand målt fra 8210 Aarhus V.');
  expect(await page.textContent(`[data-offer="${offerId}"]`)).toContain('Derfor: matcher 1 af 1 målgrupper; 12 ledige pladser; 0 km væk; ingen offentliggjort takst');
  await expectAccessible(page, 'officer: find offers from a postal code');
  // A postal code that is not Danish is refused in Danish, naming the rule.
  await page.fill('#fromPostalCode', '3900');
  await page.click('button[type="submit"]');
  await page.waitForSelector('main .message.error');
  expect(await page.textContent('main .message.error')).toContain('Det er ikke et dansk postnummer');
  await page.fill('#fromPostalCode', '8210');
  await page.click('button[type="submit"]');
  await page.waitForSelector(`[data-offer="${offerId}"]`);

  // The offer's own page: who runs it, where, its places now, in words.
  await page.click(`[data-offer="${offerId}"] h3 a`);
  await page.waitForSelector('#offer-status');
  await expectAccessible(page, 'officer: offer page');
  const offerPage = (await page.textContent('main')) ?? '';
  expect(offerPage).toContain('Konsolhuset');
  expect(offerPage).toContain('Aarhus Kommune');
  expect(offerPage).toMatch(/§ 108 \(12 godkendte pladser\)/);
  expect(offerPage).toContain('Ledige pladser nu12');

  // The offer is chosen by searching its name, not by typing an id.
  await page.goto(`${consoleApp.url}/#/new-case`);
  await page.waitForSelector('#cpr');
  await page.fill('#offerQuery', 'konsolhus');
  await page.press('#offerQuery', 'Enter');
  await page.waitForSelector(`#offer-${offerId}`);
  await expectAccessible(page, 'officer: new case');
  await page.check(`#offer-${offerId}`);
  // Choosing the offer brought the needs in line with it (§ 108, autism), as the officer would set them.
  expect([await page.inputValue('#targetGroup'), await page.inputValue('#paragraph')]).toEqual(['autism', '108']);
  await page.fill('#cpr', '0101801234');
  await page.fill('#citizen', 'Konsol Borger');
  await page.click('button[type="submit"]');
  await page.waitForSelector('#confirm', { timeout: 30000 });
  await expectAccessible(page, 'officer: placement');
  await page.click('#confirm');
  await page.waitForSelector('text=Anbringelsen er bekræftet.');
  expect(await page.textContent('#placement-status')).toBe('Anbragt');
  // The contract, in words and Danish dates: the offer's name, not its id.
  const contract = (await page.textContent('dl.contract')) ?? '';
  expect(contract).toContain('Konsolhuset');
  expect(contract).toContain('Betalingskommune');
  expect(contract).toMatch(/Startdato\d{2}\.\d{2}\.\d{4}/);
  expect(contract).not.toContain(offerId);
  // Notice, with a purpose chosen for the audit log (kept for the session).
  await page.selectOption('#purpose', 'notice');
  await page.click('#notice-form button[type="submit"]');
  await page.waitForSelector('text=Anbringelsen er opsagt.');
  expect(await page.textContent('#placement-status')).toBe('Opsagt');
  expect(await page.textContent('dl.contract')).toMatch(/Slutdato\d{2}\.\d{2}\.\d{4}/);
  await expectAccessible(page, 'officer: placement with notice given');
  await page.screenshot({ path: join(SHOTS, 'officer-placement.png'), fullPage: true });
  await page.goto(`${consoleApp.url}/#/worklist`);
  await page.waitForSelector('main li a');
  expect(await page.textContent('main')).toMatch(/Konsolhuset \(anbringelse fra \d{2}\.\d{2}\.\d{4}\) · Opsagt( · Opfølgning senest \d{2}\.\d{2}\.\d{4})? · Slutdato \d{2}\.\d{2}\.\d{4}/);
  expect(await page.inputValue('#purpose')).toBe('notice');

  for (const route of ['waitlist', 'worklist', 'inbox']) {
    await page.goto(`${consoleApp.url}/#/${route}`);
    await page.waitForSelector('main h1');
    await expectAccessible(page, `officer: ${route}`);
  }
  // English is there too.
  await page.click('#language');
  await page.waitForSelector('nav >> text=Find offers');
  expect(await page.getAttribute('html', 'lang')).toBe('en');
  await expectAccessible(page, 'officer: inbox in English');
  await page.goto(`${consoleApp.url}/#/worklist`);
  await page.waitForSelector('main h1 >> text=Worklist');
  await expectAccessible(page, 'officer: worklist in English');
  // The ranking's reasons in English too (the service gives them as codes with figures).
  await page.goto(`${consoleApp.url}/#/find`);
  await page.waitForSelector('#q');
  await page.fill('#q', 'Konsolhuset');
  await page.selectOption('#from', 'municipality');
  await page.selectOption('#fromMunicipality', '0751');
  await page.click('button[type="submit"]');
  await page.waitForSelector('#measured-from');
  expect(await page.textContent('#measured-from')).toBe('Distance measured from 8000 Aarhus C.');
  expect(await page.textContent(`[data-offer="${offerId}"]`)).toMatch(/Why: \d+ vacant places?; \d+ km away; no published tariff/);
  await expectAccessible(page, 'officer: find offers in English');
  await page.context().close();
});

it('visitation officer: pages through search results, sorted by name, in the console', async () => {
  // The catalogue a search pages through is data here, registered by offers' own use case; the job under test is the search.
  const registering = system.offers.app.get(RegisteringOffer);
  const manager = { sub: 'test-setup', name: 'Test setup', role: 'offer-manager' as const, organisation: { kind: 'operator' as const, operatorKind: 'municipality' as const, id: '0751' } };
  for (let i = 22; i >= 1; i--) {
    await registering.register(offerRequest({ name: `Sidehuset ${String(i).padStart(2, '0')}` }) as never, manager, { correlationId: `setup-${i}`, causationId: `setup-${i}` });
  }
  await waitUntil(async () => (await system.visitation.app.get(DataSource).query(`SELECT count(*)::int AS n FROM catalogue_offers WHERE snapshot ->> 'name' LIKE 'Sidehuset %'`))[0].n === 22, { what: 'the 22 offers in the catalogue' });
  const page = await signIn('officer-aarhus');
  await page.waitForSelector('#q');
  await page.fill('#q', 'Sidehuset');
  await page.selectOption('#sort', 'name');
  await page.click('button[type="submit"]');
  await page.waitForSelector('#results-heading >> text=Tilbud 1–20 af 22');
  const names = () => page.$$eval('ol.results li h3 a', (links) => links.map((a) => (a as unknown as { textContent: string }).textContent));
  expect(await names()).toEqual(Array.from({ length: 20 }, (_, i) => `Sidehuset ${String(i + 1).padStart(2, '0')}`));
  await expectAccessible(page, 'officer: search results, page 1');
  await page.click('#next-page');
  await page.waitForSelector('#results-heading >> text=Tilbud 21–22 af 22');
  expect(await names()).toEqual(['Sidehuset 21', 'Sidehuset 22']);
  await expectAccessible(page, 'officer: search results, page 2');
  await page.click('#previous-page');
  await page.waitForSelector('#results-heading >> text=Tilbud 1–20 af 22');
  await page.context().close();
});

it('offer manager lowers capacity, and the officer\'s open search page shows the new vacancy without a reload', async () => {
  const offerId = await newOffer('Livehuset', 12);
  const officer = await signIn('officer-aarhus');
  await page(officer).search();
  await officer.waitForSelector(`[data-vacant-for="${offerId}"]`);
  expect(await officer.textContent(`[data-vacant-for="${offerId}"]`)).toBe('12');
  await officer.evaluate(() => { (globalThis as unknown as { marker: number }).marker = 42; });

  const manager = await signIn('manager-aarhus');
  await manager.goto(`${consoleApp.url}/#/my-offers?offer=${offerId}`);
  await manager.waitForSelector('#capacity-form');
  await expectAccessible(manager, 'manager: my offers');
  await manager.screenshot({ path: join(SHOTS, 'manager-my-offers.png'), fullPage: true });
  // The rule and its earliest date come from offers (GET …/notice-rule), in a Danish date: no probing with a refused closure.
  const rule = (await call(`${system.offers.url}/offers/${offerId}/notice-rule`, 'GET', undefined, await system.identity.authFor('manager-aarhus'))).body;
  const [y, m, d] = rule.earliestEffectiveDate.split('-');
  expect(await manager.textContent('#notice-rule')).toContain(`mindst ${rule.noticeMonths} måneders varsel, med virkning den første hverdag i en måned. Tidligste dato i dag: ${d}.${m}.${y}.`);
  await manager.fill('#approvedPlaces', '5');
  await manager.click('#capacity-form button[type="submit"]');

  await officer.waitForFunction((id) => (globalThis as any).document.querySelector(`[data-vacant-for="${id}"]`)?.textContent === '5', offerId, { timeout: 20000 });
  expect(await officer.evaluate(() => (globalThis as unknown as { marker: number }).marker)).toBe(42); // the same page: no reload

  // The manager announces the closure at the earliest date the notice rule allows (the form's default);
  // a search then marks the offer and offers no request for it.
  await manager.waitForSelector('#closure-date');
  expect(await manager.inputValue('#closure-date')).toBe(rule.earliestEffectiveDate);
  await manager.fill('#closure-reason', 'Bygningen skal renoveres.');
  await manager.click('form:has(#closure-date) button[type="submit"]');
  // The page reloads the offer: its status in the picker says the closure is announced.
  await manager.waitForFunction(() => (globalThis as any).document.querySelector('#offer')?.selectedOptions[0]?.textContent.includes('Lukning varslet'), undefined, { timeout: 20000 });
  await expectAccessible(manager, 'manager: closure announced');
  await waitUntil(async () => (await system.visitation.app.get(DataSource).query(`SELECT status FROM catalogue_offers WHERE offer_id = $1`, [offerId]))[0]?.status === 'closure-announced', { what: 'the closure in the catalogue' });
  await officer.fill('#q', 'Livehuset');
  await page(officer).search();
  await officer.waitForSelector(`[data-offer="${offerId}"] >> text=Lukning varslet`);
  expect(await officer.isVisible(`[data-offer="${offerId}"] a.request-link`)).toBe(false);
  expect(await officer.textContent(`[data-offer="${offerId}"]`)).toContain('Tager ikke imod nye anbringelser.');

  for (const route of ['warn', 'budget', 'inbox']) {
    await manager.goto(`${consoleApp.url}/#/${route}`);
    await manager.waitForSelector('main h1');
    await expectAccessible(manager, `manager: ${route}`);
  }
  // The budget gives the tariff line by line.
  await manager.goto(`${consoleApp.url}/#/budget`);
  await manager.waitForSelector('#directOperatingCosts');
  // Amounts are typed as Danes write them; what is no amount is refused by the page, naming the field.
  await manager.fill('#directOperatingCosts', '5.000.000,00');
  await manager.fill('#otherIncome', '12,5,0');
  await manager.click('button[type="submit"]');
  expect(await manager.textContent('[role="alert"]')).toContain('Andre indtægter');
  expect(await manager.getAttribute('#otherIncome', 'aria-invalid')).toBe('true');
  await manager.fill('#otherIncome', '1.350,50');
  // A refusal of the service reaches the page in Danish (errors.js), not in the API's English.
  await manager.fill('#approvedPlaces', '0');
  await manager.click('button[type="submit"]');
  await manager.waitForFunction(() => (globalThis as any).document.querySelector('[role="alert"]')?.textContent.includes('Et eller flere felter er ikke udfyldt rigtigt'));
  expect(await manager.textContent('[role="alert"]')).toContain('approvedPlaces');
  await manager.fill('#approvedPlaces', '10');
  // A service package on top: its day tariff is the base tariff plus the supplement.
  await manager.fill('#packageCode0', 'hoej-stoette');
  await manager.fill('#packageSupplement0', '450,00');
  await manager.click('button[type="submit"]');
  await manager.waitForSelector('text=Døgntakst');
  const rates = await manager.$$eval('#package-rates tbody tr', (rows) => rows.map((r) => (r as unknown as { innerText: string }).innerText.split('\t')));
  const kroner = (text: string) => Number(text.replace(' kr.', '').replace(/\./g, '').replace(',', '.'));
  expect(rates.map(([name]) => name)).toEqual(['Grundpakke', 'hoej-stoette']);
  expect(Math.round((kroner(rates[1][1]) - kroner(rates[0][1])) * 100)).toBe(45000);
  // Shown back in Danish formats, and stored as the amounts typed.
  expect(await manager.textContent('main table')).toContain('5.000.000,00 kr.');
  expect(await manager.textContent('main table')).toContain('1.350,50');
  await officer.context().close();
  await manager.context().close();

  function page(p: Page) {
    return {
      async search() {
        await p.selectOption('#targetGroup', 'autism');
        await p.click('button[type="submit"]');
      },
    };
  }
});

it('KKR secretariat: follows the supply dashboard and acknowledges an early warning', async () => {
  const offerId = await newOffer('Varselhuset');
  await waitUntil(async () => (await system.notifications.app.get(DataSource).query('SELECT 1 FROM n_offers WHERE offer_id = $1', [offerId])).length === 1, { what: 'the offer in notifications' });
  const manager = await signIn('manager-aarhus');
  await manager.goto(`${consoleApp.url}/#/warn`);
  await manager.waitForSelector('#description');
  await manager.selectOption('#offer', offerId);
  await manager.selectOption('#category', 'professional');
  await manager.fill('#description', 'To nøglemedarbejdere har sagt op.');
  await manager.click('button[type="submit"]');
  await manager.waitForSelector('text=Den tidlige varsling er sendt');
  await manager.context().close();

  // The nightly snapshot, run as its scheduler runs it (no person's job, so no page).
  await system.notifications.app.get(MonitoringSupply).takeSnapshot();
  const secretariat = await signIn('kkr-midtjylland');
  await secretariat.waitForSelector('#supply-table');
  expect(await secretariat.textContent('main')).toContain(`${new Date().toISOString().slice(0, 10)}`); // today's snapshot in the trend
  await expectAccessible(secretariat, 'secretariat: supply dashboard');
  await secretariat.screenshot({ path: join(SHOTS, 'secretariat-supply.png'), fullPage: true });
  await secretariat.goto(`${consoleApp.url}/#/warnings`);
  const card = `[data-warning] >> text=Varselhuset`;
  await secretariat.waitForSelector(card);
  await expectAccessible(secretariat, 'secretariat: early warnings');
  await secretariat.click('button:has-text("Kvitter: Varselhuset")');
  await secretariat.waitForSelector('[data-status="acknowledged"]');
  // Who did what, in words: not `operator:municipality:0751`.
  await secretariat.click(`[data-warning]:has-text("Varselhuset") summary`);
  const history = (await secretariat.textContent(`[data-warning]:has-text("Varselhuset") details`)) ?? '';
  expect(history).toContain('Aarhus Kommune, som driftsherre');
  expect(history).toContain('KKR-sekretariatet, Region Midtjylland');
  expect(history).not.toMatch(/operator:|region:\d/);
  const [warning] = (await call(`${system.notifications.url}/early-warnings`, 'GET', undefined, await system.identity.authFor('kkr-midtjylland'))).body.items;
  expect(warning).toMatchObject({ offerName: 'Varselhuset', status: 'acknowledged', description: 'To nøglemedarbejdere har sagt op.' });
  // The history keeps who did what: the operator raised it, the region's secretariat acknowledged it.
  expect(warning.history.map((h: { status: string; byOrganisation: string }) => `${h.status} by ${h.byOrganisation}`)).toEqual([
    'raised by operator:municipality:0751', 'acknowledged by region:1082',
  ]);
  await secretariat.goto(`${consoleApp.url}/#/approvals`);
  await secretariat.waitForSelector('main h1');
  await expectAccessible(secretariat, 'secretariat: tariff approvals');
  // The budget the offer manager submitted awaits approval here, by the offer's name, not its id.
  const awaiting = (await call(`${system.tariffs.url}/tariffs/awaiting-approval`, 'GET', undefined, await system.identity.authFor('kkr-midtjylland'))).body.items;
  expect(awaiting.length).toBeGreaterThan(0);
  const approvals = (await secretariat.textContent('main table tbody')) ?? '';
  const names: string[] = [];
  for (const x of awaiting) {
    const offer = (await call(`${system.offers.url}/offers/${x.offerId}`, 'GET', undefined, await system.identity.authFor('kkr-midtjylland'))).body;
    expect(approvals).toContain(offer.name);
    expect(approvals).not.toContain(x.offerId.slice(0, 8));
    names.push(offer.name);
  }
  // Approving one publishes it.
  await secretariat.click(`button:has-text("Godkend: ${names[0]} ${awaiting[0].year}")`);
  await secretariat.waitForSelector('main .message.success');
  await expectAccessible(secretariat, 'secretariat: tariff approved');
  const approved = await call(`${system.tariffs.url}/offers/${awaiting[0].offerId}/tariffs/${awaiting[0].year}`, 'GET', undefined, await system.identity.authFor('kkr-midtjylland'));
  expect(approved.body.status).toBe('published');
  await secretariat.goto(`${consoleApp.url}/#/inbox`);
  await secretariat.waitForSelector('main h1');
  await expectAccessible(secretariat, 'secretariat: inbox');
  // Marking a notice read lowers the menu's unread count at once.
  const unreadInMenu = async () => Number(/\((\d+) /.exec((await secretariat.textContent('nav a[href="#/inbox"]')) ?? '')?.[1] ?? 0);
  const unreadBefore = await unreadInMenu();
  expect(unreadBefore).toBeGreaterThan(0);
  await secretariat.click('main button:has-text("Marker som læst") >> nth=0');
  await secretariat.waitForFunction((n) => {
    const text = (globalThis as any).document.querySelector('nav a[href="#/inbox"]')?.textContent ?? '';
    return Number(/\((\d+) /.exec(text)?.[1] ?? 0) === n;
  }, unreadBefore - 1, { timeout: 5000 });
  await secretariat.context().close();

  // Operations' month close shows its progress; its page is checked like the others.
  const admin = await signIn('admin');
  await admin.waitForSelector('#month');
  await expectAccessible(admin, 'admin: month close');
  await admin.context().close();
  expect(checkedPages.length).toBeGreaterThanOrEqual(16);
});

it('tells the user, in words, when the page is not live, and when it is live again', async () => {
  const page = await signIn('officer-odense');
  expect(await page.isHidden('#live-status')).toBe(true);
  // The console's consumer goes down (as after a crash): every open page is told at once.
  const live = consoleApp.live as unknown as { setUp(up: boolean): void };
  live.setUp(false);
  await page.waitForSelector('#live-status:not([hidden])');
  expect(await page.textContent('#live-status')).toContain('Ikke live');
  await expectAccessible(page, 'officer: not live');
  live.setUp(true);
  await page.waitForSelector('#live-status', { state: 'hidden' });
  await page.context().close();
});

it('auditor: reads who opened which case, when and why, filtered by action, in words', async () => {
  const offerId = await newOffer('Logbogen');
  // The officer opens the case in the console, stating the purpose: a complaint (klagesag).
  const officer = await signIn('officer-koebenhavn');
  const cancelled = await openCaseInConsole(officer, 'Logbogen', offerId, { cpr: '0202802345', name: 'Logget Borger' }, { startDate: '2026-12-01', purpose: 'complaint' });
  // The citizen is placed elsewhere after all: the officer cancels the request (it frees the held place).
  await officer.waitForSelector('#cancel');
  await officer.click('#cancel');
  await officer.waitForSelector('text=Anmodningen er annulleret.');
  await officer.context().close();
  await waitUntil(async () => (await system.visitation.app.get(DataSource).query(`SELECT status FROM placements WHERE id = $1`, [cancelled]))[0]?.status === 'cancelled', { what: 'the cancellation' });
  const page = await signIn('auditor-koebenhavn');
  await page.goto(`${consoleApp.url}/#/audit`);
  await page.waitForSelector('#action');
  await page.selectOption('#action', 'request-placement');
  await page.click('button[type="submit"]');
  await page.waitForSelector('main table');
  await expectAccessible(page, 'auditor: audit log');
  const rows = await page.$$eval('main tbody tr', (trs) => trs.map((tr) => (tr as unknown as { innerText: string }).innerText));
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((r) => r.includes('Anmodede om plads'))).toBe(true);
  expect(rows.join('\n')).toContain('Klagesag');
  expect(rows.join('\n')).not.toContain('0202802345');
  await page.context().close();
});

it('operations close the month in the console; the paying municipality and the operator read the statement line by line, in Danish amounts', async () => {
  // A month of work, all in the console: the offer registered, its 2026 budget (published at once: no
  // framework agreement), a citizen placed from the 10th and the placement confirmed.
  const offerId = await newOffer('Regningshuset', 20, { frameworkAgreement: false });
  await waitUntil(async () => (await system.tariffs.app.get(DataSource).query('SELECT 1 FROM tariff_offers WHERE offer_id = $1', [offerId])).length === 1, { what: 'the offer in tariffs' });
  await budgetInConsole(offerId, { packageCode: 'hoej', supplement: '450,00', hourlyRate: '425,00' });
  const tariff = await call(`${system.tariffs.url}/offers/${offerId}/tariffs/2026`, 'GET', undefined, await system.identity.authFor('manager-aarhus'));
  expect(tariff.body).toMatchObject({ status: 'published', hourlyRate: '425.00' });
  expect(Math.round((Number(tariff.body.rates.hoej) - Number(tariff.body.rates.base)) * 100)).toBe(45000);
  await waitUntil(async () => (await system.visitation.app.get(DataSource).query('SELECT 1 FROM catalogue_tariffs WHERE offer_id = $1', [offerId])).length === 1, { what: 'the tariff in visitation' });
  const placing = await signIn('officer-koebenhavn');
  const placementId = await openCaseInConsole(placing, 'Regningshuset', offerId, { cpr: '1010801234', name: 'Ole Regning' }, { startDate: '2026-11-10' });
  await placing.waitForSelector('#confirm', { timeout: 30000 });
  await placing.click('#confirm');
  await placing.waitForSelector('text=Anbringelsen er bekræftet.');
  // More support from 1 December: the package changes then (November is billed at the base rate).
  await placing.waitForSelector('#package-form');
  await placing.selectOption('#packageCode', 'hoej');
  await placing.fill('#packageEffective', '2026-12-01');
  await placing.click('#package-form button[type="submit"]');
  await placing.waitForSelector('text=Gemt.');
  await expectAccessible(placing, 'officer: placement with a package change');
  await placing.context().close();
  await waitUntil(async () => {
    const [row] = await system.tariffs.app.get(DataSource).query('SELECT packages FROM tariff_placements WHERE placement_id = $1', [placementId]);
    return row?.packages.some((p: { packageCode: string; effectiveDate: string }) => p.packageCode === 'hoej' && p.effectiveDate === '2026-12-01') ?? false;
  }, { what: 'the package change in tariffs' });
  await waitUntil(async () => (await system.tariffs.app.get(DataSource).query('SELECT 1 FROM tariff_placements WHERE placement_id = $1', [placementId])).length === 1, { what: 'the placement in tariffs' });

  // The operator prices a special measure (særforanstaltning) for the last three days, in the console, typed in Danish.
  const pricing = await signIn('manager-aarhus');
  await pricing.goto(`${consoleApp.url}/#/special-measures?offer=${offerId}`);
  await pricing.waitForSelector(`#priced-placements tr[data-placement="${placementId}"]`);
  expect(await pricing.textContent(`#priced-placements tr[data-placement="${placementId}"]`)).toContain('10.11.2026');
  await expectAccessible(pricing, 'manager: special measures');
  await pricing.selectOption('#placement', placementId);
  await pricing.fill('#measure-code', 'ekstra-nattevagt');
  await pricing.fill('#measure-per-day', '1.300,50');
  await pricing.fill('#measure-from', '2026-11-28');
  await pricing.fill('#measure-to', '2026-11-30');
  await pricing.click('#special-measure-form button[type="submit"]');
  await pricing.waitForSelector('main .message.success');
  expect(await pricing.textContent(`#priced-placements tr[data-placement="${placementId}"] .measures`)).toBe('ekstra-nattevagt: 1.300,50 kr. pr. døgn, 28.11.2026–30.11.2026');
  await expectAccessible(pricing, 'manager: special measure saved');
  await pricing.context().close();

  const admin = await signIn('admin');
  await admin.waitForSelector('#month');
  await admin.fill('#month', '2026-11');
  await admin.click('main button.primary');
  // The close answers with what it did, in Danish: how many statements and their sum (not every statement).
  expect(await admin.textContent('main .message.success')).toMatch(/^Måneden er afsluttet: \d+ afregninger på i alt [\d.]+,\d\d kr\./);
  await admin.context().close();

  const officer = await signIn('officer-koebenhavn');
  await officer.goto(`${consoleApp.url}/#/statements?month=2026-11`);
  const link = `main table a:has-text("Aarhus Kommune, som driftsherre")`;
  await officer.waitForSelector(link);
  await expectAccessible(officer, 'officer: statements');
  await officer.click(link);
  await officer.waitForSelector('#statement');
  await expectAccessible(officer, 'officer: one statement');
  // 21 days (10-30 November) at the published day rate, in øre, then written as a Dane writes it.
  const rateOere = Math.round(Number(tariff.body.rates.base) * 100);
  const danish = (oere: number) => `${(oere / 100).toLocaleString('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} kr.`;
  const expectedTotal = danish(21 * rateOere + 3 * 130050);
  expect(await officer.textContent('#statement-total')).toBe(expectedTotal);
  const lines = (await officer.textContent('#statement tbody')) ?? '';
  expect(lines).toContain('Ophold');
  expect(lines).toContain('Særlig foranstaltning');
  expect(lines).toContain('28.11.2026–30.11.2026');
  expect(lines).toContain(danish(3 * 130050));
  expect(lines).toContain('10.11.2026–30.11.2026');
  expect(lines).toContain(danish(rateOere));
  await officer.screenshot({ path: join(SHOTS, 'officer-statement.png'), fullPage: true });
  // The statement as CSV and Excel, from the console: names beside codes, each line's kind in Danish.
  const [csvFile] = await Promise.all([officer.waitForEvent('download'), officer.click('button:has-text("Hent CSV")')]);
  const csv = readFileSync((await csvFile.path())!, 'utf8');
  expect(csv.split('\n')[0]).toMatch(/^# Afregning 2026-11: betalingskommune København Kommune \(0101\), driftsherre Aarhus Kommune \(municipality:0751\)/);
  expect(csv).toContain(';special-measure;Særlig foranstaltning;2026-11-28;2026-11-30;3;ekstra-nattevagt;1300,50;3901,50;nej');
  const [xlsxFile] = await Promise.all([officer.waitForEvent('download'), officer.click('button:has-text("Hent Excel")')]);
  expect(xlsxFile.suggestedFilename()).toMatch(/^afregning-2026-11-.*\.xlsx$/);
  expect(readFileSync((await xlsxFile.path())!).subarray(0, 2).toString()).toBe('PK');
  await officer.context().close();

  const manager = await signIn('manager-aarhus');
  await manager.goto(`${consoleApp.url}/#/statements?month=2026-11`);
  await manager.waitForSelector('main table');
  expect(await manager.textContent('main table')).toContain(expectedTotal);
  // The year result (efterregulering) of the same offer, typed in Danish: the carry-over, line by line.
  await manager.goto(`${consoleApp.url}/#/budget`);
  await manager.waitForSelector('#year-result-form');
  await manager.selectOption('#resultOffer', offerId);
  await manager.fill('#resultYear', '2026');
  await manager.fill('#actualCost', '10.500.000,00');
  await manager.click('#year-result-form button[type="submit"]');
  await manager.waitForSelector('#year-result table');
  const carried = (await manager.textContent('#year-result table')) ?? '';
  expect(carried).toContain('2027');
  expect(carried).toMatch(/\d{1,3}(\.\d{3})*,\d{2} kr\./);
  await expectAccessible(manager, 'manager: year result');
  await manager.context().close();

  // The citizen moves out in a month (fraflytning): the officer ends the placement in the console.
  const moving = await signIn('officer-koebenhavn');
  await moving.goto(`${consoleApp.url}/#/placements/${placementId}`);
  await moving.waitForSelector('#end-form');
  const moveOut = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await moving.fill('#endDate', moveOut);
  await moving.click('#end-form button[type="submit"]');
  await moving.waitForSelector('text=Anbringelsen er afsluttet.');
  await expectAccessible(moving, 'officer: placement ended');
  await moving.context().close();
  await waitUntil(async () => {
    const [row] = await system.tariffs.app.get(DataSource).query(`SELECT to_char(end_date, 'YYYY-MM-DD') AS end_date FROM tariff_placements WHERE placement_id = $1`, [placementId]);
    return row?.end_date === moveOut;
  }, { what: 'the end of the placement in tariffs' });
});

it('officer: sets the organisation\'s e-mail, subscribes, registers a webhook, sends it a test and reads its delivery log, all in the console', async () => {
  const received: string[] = [];
  const receiver: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => { received.push(body); response.writeHead(204).end(); });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
  try {
    const page = await signIn('officer-aalborg');
    await page.goto(`${consoleApp.url}/#/subscriptions`);
    await page.waitForSelector('#contact-form');
    await expectAccessible(page, 'officer: subscriptions and webhooks');
    await page.fill('#contactEmail', 'visitation@aalborg.example');
    await page.click('#contact-form button[type="submit"]');
    await page.waitForSelector('#feedback .message.success');

    await page.selectOption('#subscribe-form #kind', 'supply-risk');
    await page.selectOption('#subscribe-form #scope', 'organisation');
    await page.selectOption('#subscribe-form #region', '1081');
    await page.click('#subscribe-form button[type="submit"]');
    await page.waitForSelector('#subscriptions >> text=Forsyningsrisiko');
    expect(await page.textContent('#subscriptions')).toContain('Til hele organisationen · Region Nordjylland');

    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    await page.fill('#webhookUrl', url);
    await page.check('#kind-supply-risk');
    await page.click('#webhook-form button[type="submit"]');
    await page.waitForSelector('#feedback >> text=/Webhooken er registreret.*[0-9a-f]{64}/');
    await page.click(`[data-webhook] button[data-action="test"]`);
    await page.waitForSelector('#feedback >> text=Testbeskeden er sendt');
    await waitUntil(() => received.length === 1, { what: 'the test notice at the receiver' });
    expect(JSON.parse(received[0])).toMatchObject({ kind: 'webhook-test' });
    // The log shows the delivery once the sender has recorded the answer.
    await waitUntil(async () => {
      await page.click(`[data-webhook] button[data-action="log"]`);
      return (await page.$('[data-delivery-status="delivered"]')) !== null;
    }, { what: 'the delivery in the log' });
    expect(await page.textContent('[data-delivery-status="delivered"]')).toMatch(/Testbesked.*Leveret.*HTTP 204/);
    await expectAccessible(page, 'officer: webhook delivery log');
    await page.context().close();

    const contact = await call(`${system.notifications.url}/organisation/contact`, 'GET', undefined, await system.identity.authFor('officer-aalborg'));
    expect(contact.body.email).toBe('visitation@aalborg.example');
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});

it('KKR secretariat: protects an offer for a target group with the municipalities\' agreed placements, and is warned of a competing offer', async () => {
  const offerId = await newOffer('Beskyttelseshuset');
  const notificationsDb = system.notifications.app.get(DataSource);
  await waitUntil(async () => (await notificationsDb.query('SELECT 1 FROM n_offers WHERE offer_id = $1', [offerId])).length === 1, { what: 'the offer in notifications' });
  const page = await signIn('kkr-midtjylland');
  await page.goto(`${consoleApp.url}/#/protected`);
  await page.waitForSelector('#protect-form');
  await expectAccessible(page, 'secretariat: protected offers');
  await page.selectOption('#offer', offerId);
  await page.selectOption('#targetGroup', 'autism');
  await page.fill('#decidedOn', '2026-06-15');
  await page.fill('#agreementReference', 'Rammeaftale 2027-28, bilag 3');
  await page.selectOption('#shareMunicipality0', '0751');
  await page.fill('#sharePlacements0', '2');
  await page.click('#protect-form button[type="submit"]');
  const card = `[data-protected="${offerId}"]`;
  await page.waitForSelector(card);
  const text = (await page.textContent(card)) ?? '';
  expect(text).toContain('Autisme');
  expect(text).toContain('Besluttet den 15.06.2026 · Rammeaftale 2027-28, bilag 3');
  expect(await page.textContent(`${card} [data-below="true"]`)).toMatch(/Aarhus.*2.*0.*under aftalen/);
  await expectAccessible(page, 'secretariat: protected offer with its shares');
  await page.screenshot({ path: join(SHOTS, 'secretariat-protected-offers.png'), fullPage: true });

  // Another offer for autism under § 108 in Midtjylland: the secretariat's warnings show it.
  await newOffer('Konkurrenthuset');
  await waitUntil(async () => (await notificationsDb.query("SELECT 1 FROM early_warnings WHERE offer_id = $1 AND rule = 'protected-offer-competition'", [offerId])).length === 1, { what: 'the competition warning' });
  await page.goto(`${consoleApp.url}/#/warnings`);
  await page.waitForSelector('[data-warning] >> text=Konkurrenthuset');

  // Trade for a chosen year, sellers by name (the month closed earlier in this run billed Aarhus's offer to København).
  await page.goto(`${consoleApp.url}/#/supply`);
  await page.waitForSelector('#tradeYear');
  await page.selectOption('#tradeYear', '2026');
  await page.click('#trade-year button[type="submit"]');
  await page.waitForSelector('#trade-matrix');
  const trade = (await page.textContent('#trade-matrix')) ?? '';
  expect(trade).toContain('Aarhus Kommune, som driftsherre');
  expect(trade).toContain('København');
  expect(trade).not.toMatch(/municipality:\d{4}/);
  await expectAccessible(page, 'secretariat: trade for a chosen year');
  // The region's own thresholds for the supply rules.
  await page.fill('#noVacancyDays', '45');
  await page.click('#thresholds-form button[type="submit"]');
  await page.waitForSelector('#thresholds-feedback >> text=Gemt.');
  const thresholds = (await call(`${system.notifications.url}/supply/regions/1082/thresholds`, 'GET', undefined, await system.identity.authFor('kkr-midtjylland'))).body;
  expect(thresholds).toMatchObject({ noVacancyDays: 45 });
  await page.context().close();
});

it('progression: the officer sets a goal on a running placement, the operator measures it, and the offer page shows effect only from 5 placements', async () => {
  const offerId = await newOffer('Målhuset');
  const officer = await signIn('officer-koebenhavn');
  const placementId = await openCaseInConsole(officer, 'Målhuset', offerId, { cpr: '0303803456', name: 'Mål Borger' }, { startDate: '2026-10-01', purpose: 'follow-up' });
  await officer.waitForSelector('#confirm', { timeout: 30000 });
  await officer.click('#confirm');
  await officer.waitForSelector('#goal-form');
  await officer.selectOption('#area', 'social-life');
  await officer.fill('#goal-description', 'Deltager i fællesspisning to gange om ugen');
  await officer.fill('#goal-target', '2027-06-30');
  await officer.click('#goal-form button[type="submit"]');
  await officer.waitForSelector('#goals >> text=Deltager i fællesspisning');
  expect(await officer.textContent('#goals tbody tr')).toContain('Socialt liv');
  expect(await officer.textContent('#goals tbody tr')).toContain('Ikke målt endnu');
  await expectAccessible(officer, 'officer: placement with a goal');

  const manager = await signIn('manager-aarhus');
  await manager.goto(`${consoleApp.url}/#/progression?offer=${offerId}`);
  await manager.waitForSelector('#measure-form');
  await expectAccessible(manager, 'manager: progression');
  await manager.selectOption('#level', '-1');
  await manager.fill('#measuredOn', '2026-11-15');
  await manager.click('#measure-form button[type="submit"]');
  await manager.waitForSelector('main .message.success');
  expect(await manager.textContent('#goals tbody tr')).toContain('−1 Mindre end forventet (15.11.2026)');
  await expectAccessible(manager, 'manager: progression, measured');
  await manager.context().close();
  // Read back: one goal, one measurement.
  const goals = await call(`${system.visitation.url}/placements/${placementId}/goals`, 'GET', undefined, { ...(await system.identity.authFor('officer-koebenhavn')), 'x-purpose': 'test read-back' });
  expect(goals.body.items).toEqual([expect.objectContaining({ area: 'social-life', targetDate: '2027-06-30', measurements: [{ level: -1, measuredOn: '2026-11-15' }] })]);

  // One placement is too few to show an offer's effect: the offer page and search say so, in words.
  await officer.goto(`${consoleApp.url}/#/offer/${offerId}`);
  await officer.waitForSelector('#effect');
  expect(await officer.textContent('#effect')).toBe('For få anbringelser med målte mål til at vise effekt (under 5).');
  await expectAccessible(officer, 'officer: offer page with effect');
  await officer.goto(`${consoleApp.url}/#/find`);
  await officer.waitForSelector('#q');
  await officer.fill('#q', 'Målhuset');
  await officer.selectOption('#sort', 'effect');
  await officer.click('button[type="submit"]');
  await officer.waitForSelector(`[data-offer="${offerId}"]`);
  expect(await officer.textContent(`[data-offer="${offerId}"]`)).toContain('Effekt: for få data');
  await officer.context().close();
});

it('kapacitets- og behovsopgørelse: a municipality reports its expected demand, the secretariat sees it beside supply and forecast, writes and publishes the report', async () => {
  await newOffer('Behovshuset');
  const officer = await signIn('officer-aarhus');
  await officer.goto(`${consoleApp.url}/#/demand?year=2027`);
  await officer.waitForSelector('#demand-form');
  await expectAccessible(officer, 'officer: demand report');
  await officer.selectOption('#targetGroup0', 'autism');
  await officer.selectOption('#paragraph0', '108');
  await officer.selectOption('#change0', 'more');
  await officer.fill('#places0', '7');
  await officer.click('#demand-form button[type="submit"]');
  await officer.waitForSelector('main .message.success');
  expect(await officer.inputValue('#places0')).toBe('7');
  await officer.context().close();
  const reported = await call(`${system.notifications.url}/need/municipalities/0751/demand/2027`, 'GET', undefined, await system.identity.authFor('officer-aarhus'));
  expect(reported.body.items).toEqual([{ targetGroup: 'autism', paragraph: '108', change: 'more', places: 7 }]);

  const secretariat = await signIn('kkr-midtjylland');
  await secretariat.goto(`${consoleApp.url}/#/need?year=2027`);
  await secretariat.waitForSelector('#need-table tr[data-target-group="autism"]');
  const row = (await secretariat.textContent('#need-table tr[data-target-group="autism"]')) ?? '';
  expect(row).toContain('Autisme');
  // The figures on the page are the service's, read back.
  const need = await call(`${system.notifications.url}/need/regions/1082/2027`, 'GET', undefined, await system.identity.authFor('kkr-midtjylland'));
  const autism = need.body.items.find((r: { targetGroup: string }) => r.targetGroup === 'autism');
  expect(autism.reported).toBe(7);
  expect(row).toContain(String(autism.forecast.placesAvailable));
  await expectAccessible(secretariat, 'secretariat: capacity and need');
  await secretariat.fill('#introduction', 'Opgørelsen viser udbud og behov i Midtjylland.');
  await secretariat.fill('#conclusions', 'Behovet for pladser til autisme stiger.');
  await secretariat.click('#report-form button[type="submit"]');
  await secretariat.waitForSelector('text=Udkastet er gemt.');
  await secretariat.click('#publish-report');
  await secretariat.waitForSelector('text=Opgørelsen er offentliggjort.');
  await expectAccessible(secretariat, 'secretariat: report published');
  // The printable report opened from the console gets its stylesheet through the console (same origin, as its policy allows).
  const css = await secretariat.evaluate(async () => {
    const r = await fetch('/api/notifications/need/regions/1082/2027/report.css');
    return { status: r.status, type: r.headers.get('content-type'), body: await r.text() };
  });
  expect(css).toMatchObject({ status: 200, type: expect.stringMatching(/^text\/css/), body: expect.stringContaining('border-collapse') });
  await secretariat.context().close();
  const html = await fetch(`${system.notifications.url}/need/regions/1082/2027/report`, { headers: await system.identity.authFor('kkr-midtjylland') }).then((r) => r.text());
  expect(html).toContain('<p>Opgørelsen viser udbud og behov i Midtjylland.</p>');
  expect(html).toMatch(/Region Midtjylland · offentliggjort \d{2}\.\d{2}\.\d{4}/);
  expect(html).toContain('<th scope="row">Autisme</th>');
});

it('offer manager: registers an offer in the console (a refused field is marked beside it, in Danish), then edits it and closes it to admissions', async () => {
  const page = await signIn('manager-aarhus');
  await page.goto(`${consoleApp.url}/#/new-offer`);
  await page.waitForSelector('#offer-form');
  await expectAccessible(page, 'manager: new offer');
  await page.fill('#name', 'Formhuset');
  await page.fill('#street', 'Formvej 3');
  await page.fill('#postalCode', '80000');
  await page.fill('#city', 'Aarhus C');
  await page.fill('#lat', '56,1629');
  await page.fill('#lon', '10,2039');
  await page.check('#tg-autism');
  await page.click('#offer-form button[type="submit"]');
  await page.waitForSelector('#postalCode[aria-invalid="true"]');
  expect(await page.textContent('#postalCode-error')).toBe('Formatet passer ikke (se hjælpeteksten).');
  expect(await page.getAttribute('#postalCode', 'aria-describedby')).toContain('postalCode-error');
  await expectAccessible(page, 'manager: new offer with a refused field');
  await page.fill('#postalCode', '8000');
  await page.click('#offer-form button[type="submit"]');
  await page.waitForSelector('#offer-status');
  const offerId = /#\/offer\/([0-9a-f-]{36})/.exec(page.url())![1];
  const registered = (await call(`${system.offers.url}/offers/${offerId}`, 'GET', undefined, await system.identity.authFor('manager-aarhus'))).body;
  expect(registered).toMatchObject({
    name: 'Formhuset', operator: { kind: 'municipality', id: '0751', name: 'Aarhus Kommune' }, address: { street: 'Formvej 3', postalCode: '8000', city: 'Aarhus C' },
    location: { lat: 56.1629, lon: 10.2039 }, targetGroups: ['autism'], paragraphs: [{ paragraph: '108', approvedPlaces: 10 }], status: 'active',
  });

  await page.goto(`${consoleApp.url}/#/my-offers?offer=${offerId}`);
  await page.click('#edit-offer-link');
  await page.waitForSelector('#offer-form');
  await expectAccessible(page, 'manager: edit offer');
  await page.fill('#name', 'Formhuset Nord');
  await page.selectOption('#admissions', 'closed-to-admissions');
  // Socialtilsynet's latest decision, recorded by the operator; a decision dated tomorrow is refused beside its field.
  await page.selectOption('#supervisionStatus', 'approved-with-conditions');
  await page.fill('#supervisionDecidedOn', new Date(Date.now() + 86_400_000).toISOString().slice(0, 10));
  await page.click('#offer-form button[type="submit"]');
  await page.waitForSelector('#supervisionDecidedOn[aria-invalid="true"]');
  await page.fill('#supervisionDecidedOn', '2026-09-15');
  await page.click('#offer-form button[type="submit"]');
  await page.waitForSelector('#feedback >> text=Gemt.');
  await waitUntil(async () => (await call(`${system.offers.url}/offers/${offerId}`, 'GET', undefined, await system.identity.authFor('manager-aarhus'))).body.name === 'Formhuset Nord', { what: 'the edit' });
  const edited = (await call(`${system.offers.url}/offers/${offerId}`, 'GET', undefined, await system.identity.authFor('manager-aarhus'))).body;
  expect(edited).toMatchObject({ status: 'closed-to-admissions', supervision: { status: 'approved-with-conditions', decidedOn: '2026-09-15' } });
  await page.goto(`${consoleApp.url}/#/offer/${offerId}`);
  await page.waitForSelector('#offer-supervision');
  expect(await page.textContent('#offer-supervision')).toBe('Godkendt med vilkår (besluttet den 15.09.2026)');
  await expectAccessible(page, 'manager: offer page with supervision and effect');
  await page.context().close();
});

it('styringsdata: the officer reads the municipality\'s placements, days and spend beside the region and the country, and the secretariat its region\'s municipalities', async () => {
  // October's work, in the console: an offer with a published budget, five Aarhus citizens placed there
  // and confirmed, the month closed by operations.
  const offerId = await newOffer('Styringshuset', 20, { frameworkAgreement: false });
  await waitUntil(async () => (await system.tariffs.app.get(DataSource).query('SELECT 1 FROM tariff_offers WHERE offer_id = $1', [offerId])).length === 1, { what: 'the offer in tariffs' });
  await budgetInConsole(offerId);
  await waitUntil(async () => (await system.visitation.app.get(DataSource).query('SELECT 1 FROM catalogue_tariffs WHERE offer_id = $1', [offerId])).length === 1, { what: 'the tariff in visitation' });
  const placing = await signIn('officer-aarhus');
  const placementIds: string[] = [];
  for (let i = 0; i < 5; i++) {
    placementIds.push(await openCaseInConsole(placing, 'Styringshuset', offerId, { cpr: `0303${70 + i}1234`, name: `Styr Borger ${i}` }, { startDate: `2026-10-0${i + 1}` }));
    await placing.waitForSelector('#confirm', { timeout: 30000 });
    await placing.click('#confirm');
    await placing.waitForSelector('text=Anbringelsen er bekræftet.');
  }
  await placing.context().close();
  await waitUntil(async () => (await system.tariffs.app.get(DataSource).query('SELECT count(*)::int AS n FROM tariff_placements WHERE placement_id = ANY($1::uuid[])', [placementIds]))[0].n === 5, { what: 'the placements in tariffs' });
  const admin = await signIn('admin');
  await admin.waitForSelector('#month');
  await admin.fill('#month', '2026-10');
  await admin.click('main button.primary');
  // The close answers with what it did, in Danish: how many statements and their sum (not every statement).
  expect(await admin.textContent('main .message.success')).toMatch(/^Måneden er afsluttet: \d+ afregninger på i alt [\d.]+,\d\d kr\./);
  await admin.context().close();

  // The officer picks the period on the page; the figures equal the days billed (31 + 30 + 29 + 28 + 27).
  const officer = await signIn('officer-aarhus');
  await officer.goto(`${consoleApp.url}/#/steering`);
  await officer.waitForSelector('#steering-period');
  await officer.fill('#steering-period input[name="from"]', '2026-10');
  await officer.fill('#steering-period input[name="to"]', '2026-10');
  await officer.click('#steering-period button[type="submit"]');
  await officer.waitForSelector('#steering-cells');
  const own = await officer.textContent('#benchmark-table tbody tr:first-child');
  expect(own).toContain('Din kommune');
  expect(own).toContain('145');
  const row = await officer.textContent('#steering-cells tbody');
  expect(row).toContain('Autisme');
  expect(row).toContain('§ 108');
  await expectAccessible(officer, 'officer: steering data');
  await officer.screenshot({ path: join(SHOTS, 'steering-officer.png'), fullPage: true });
  await officer.click('#language');
  await officer.waitForSelector('text=Steering data');
  await expectAccessible(officer, 'officer: steering data (English)');
  await officer.context().close();

  const secretariat = await signIn('kkr-midtjylland');
  await secretariat.goto(`${consoleApp.url}/#/steering?from=2026-10&to=2026-10`);
  await secretariat.waitForSelector('#municipality-table');
  expect(await secretariat.textContent('#municipality-table')).toContain('Aarhus');
  await expectAccessible(secretariat, 'secretariat: steering data');
  await secretariat.screenshot({ path: join(SHOTS, 'steering-secretariat.png'), fullPage: true });
  await secretariat.context().close();
});

it('enkeltydelser: the operator registers and budgets an offer of sessions, the officer finds it by kind and books sessions for a citizen, the operator records a delivery', async () => {
  const year = new Date().getFullYear();
  // The operator registers a single service in *Nyt tilbud*: sessions, 8 a month, no places.
  const manager = await signIn('manager-aarhus');
  await fillNewOffer(manager, 'Sessionshuset', 'Egebakken 14');
  await manager.selectOption('#offerType', 'units');
  expect(await manager.isVisible('#places0')).toBe(false);
  await manager.selectOption('#serviceKind', 'sessions');
  await manager.selectOption('#unitsPer', 'month');
  await manager.fill('#unitsPerPeriod', '8');
  await manager.selectOption('#paragraph0', '85');
  await manager.uncheck('#frameworkAgreement');
  await manager.check('#tg-autism');
  await expectAccessible(manager, 'new offer: a single service');
  await manager.click('#offer-form button[type="submit"]');
  await manager.waitForSelector('#offer-units');
  const offerId = /#\/offer\/([0-9a-f-]{36})/.exec(manager.url())![1];
  expect(await manager.textContent('#offer-units')).toBe('8 sessioner pr. måned');
  // Budgeted in units: (1.200.000 kr. + the region's 7 % central administration) over 2.000 sessions at 80 % is 802,50 kr. a session.
  await waitUntil(async () => (await system.tariffs.app.get(DataSource).query('SELECT 1 FROM tariff_offers WHERE offer_id = $1 AND units IS NOT NULL', [offerId])).length === 1, { what: 'the offer in tariffs' });
  await manager.goto(`${consoleApp.url}/#/budget`);
  await manager.waitForSelector('#directOperatingCosts');
  await manager.selectOption('#offer', offerId);
  await manager.fill('#year', String(year));
  await manager.fill('#directOperatingCosts', '1.200.000,00');
  await manager.fill('#budgetedUnits', '2000');
  await manager.fill('#budgetedOccupancyPct', '80');
  await manager.click('button[type="submit"]');
  await manager.waitForSelector('#tariff-caption');
  expect(await manager.textContent('#tariff-caption')).toBe('Enhedspris 802,50 kr.');

  // The officer finds it by kind, with its units and unit price, and books three sessions for a new citizen.
  await waitUntil(async () => (await system.visitation.app.get(DataSource).query('SELECT 1 FROM catalogue_tariffs WHERE offer_id = $1 AND unit_price IS NOT NULL', [offerId])).length === 1, { what: 'the unit price in visitation' });
  const officer = await signIn('officer-koebenhavn');
  await officer.goto(`${consoleApp.url}/#/find?kind=sessions`);
  await officer.waitForSelector(`[data-units-for="${offerId}"]`);
  expect(await officer.textContent(`li[data-offer="${offerId}"]`)).toContain('Enhedspris 802,50 kr.');
  await expectAccessible(officer, 'find: single services');
  await officer.click(`li[data-offer="${offerId}"] a.request-link`);
  await officer.waitForSelector('#book-form');
  expect(await officer.textContent('#free-units')).toMatch(/^8 ledige enheder i perioden/);
  await officer.fill('#cpr', '2405851234');
  await officer.click('#book-form button[type="submit"]');
  // No case for this CPR number yet: the page asks for the name rather than guessing.
  await officer.waitForSelector('#feedback .message.error');
  expect(await officer.textContent('#feedback')).toContain('skriv navnet');
  await officer.fill('#citizen', 'Karen Kursist');
  await officer.fill('#units', '3');
  await expectAccessible(officer, 'book a single service');
  await officer.click('#book-form button[type="submit"]');
  await officer.waitForSelector('#booking-status');
  await officer.waitForFunction(() => (globalThis as any).document.querySelector('#booking-status')?.textContent === 'Reserveret', undefined, { timeout: 30000 });
  const bookingId = /#\/bookings\/([0-9a-f-]{36})/.exec(officer.url())![1];
  await expectAccessible(officer, 'booking');
  await officer.click('#language');
  await officer.waitForFunction(() => (globalThis as any).document.querySelector('#booking-status')?.textContent === 'Reserved');
  await expectAccessible(officer, 'booking (English)');

  // The operator sees the booking (no citizen) on *Leverancer* and records two sessions delivered today.
  await manager.goto(`${consoleApp.url}/#/deliveries?offer=${offerId}`);
  await manager.waitForSelector(`#unit-bookings tr[data-booking="${bookingId}"]`);
  expect(await manager.textContent('#unit-bookings')).not.toContain('Karen');
  await expectAccessible(manager, 'deliveries');
  await manager.fill('#delivered-count', '2');
  await manager.click('#delivery-form button[type="submit"]');
  await manager.waitForSelector('text=Leveringen er registreret.');
  // The row's delivered-units cell (the fourth), not the row: the period in it holds a 2 anyway.
  expect(await manager.textContent(`#unit-bookings tr[data-booking="${bookingId}"] td:nth-child(4)`)).toBe('2');
  // Fewer sessions a month than are booked is refused, in Danish, and changes nothing.
  await manager.fill('#units-per-period', '2');
  await manager.click('#units-form button[type="submit"]');
  await manager.waitForSelector('main .message.error');
  expect(await manager.textContent('main .message.error')).toContain('flere enheder bestilt end det nye antal');
  expect((await call(`${system.offers.url}/offers/${offerId}`, 'GET', undefined, await system.identity.authFor('manager-aarhus'))).body.units.unitsPerPeriod).toBe(8);
  await manager.context().close();
  await officer.reload();
  await officer.waitForFunction(() => (globalThis as any).document.querySelector('#delivered-units')?.textContent === '2', undefined, { timeout: 30000 });
  await officer.context().close();
});
