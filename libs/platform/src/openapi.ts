import type { OpenAPIObject } from '@nestjs/swagger';

/** What each tag (the use case area an operation belongs to) is about, in the domain's words. */
const TAG_DESCRIPTIONS: Record<string, string> = {
  offers: 'The registry of offers (tilbud) and their capacity: registration, places, closures and reductions.',
  export: 'The catalogue for other systems (HSDS).',
  reference: 'Municipalities, regions and vocabularies for forms.',
  search: 'Searching offers across all municipalities (tilbudssøgning).',
  cases: 'Citizens\' cases (sager) of the acting municipality; citizen data sealed and every access audited.',
  placements: 'The placement saga (anbringelse): request, reservation, confirmation, package, notice, end.',
  worklist: 'What an officer\'s municipality waits for (venteliste) and has to do.',
  audit: 'The audit log (logning) of access to cases.',
  tariffs: 'Budgets to tariffs (takster), approval, settlement (afregning), carry-over (efterregulering) and trade (samhandel).',
  'early warnings': 'Early warnings (tidlig varsling) about offers at risk, with their life cycle.',
  'supply obligation': 'The supply obligation (forsyningsforpligtelse) per region: monitor, exports, rules and thresholds.',
  'inbox and subscriptions': 'Notices: inbox, subscriptions, the organisation\'s e-mail and webhooks.',
  operations: 'Operations (admin): dead letters and read-model rebuilds.',
  health: 'Liveness, readiness and metrics for the platform.',
};

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

const ERROR_RESPONSES = {
  BadRequest: errorResponse('The request breaks a rule: each violation names the field and the rule; nothing was changed.'),
  Unauthorized: errorResponse('No valid bearer token.'),
  Forbidden: errorResponse('The caller\'s role or organisation may not do this (another organisation\'s data).'),
  NotFound: errorResponse('No such resource.'),
  Conflict: errorResponse('The request conflicts with the current state (for instance already closed, or no vacant place); nothing was changed.'),
  UnprocessableEntity: errorResponse('The request is well-formed but breaks a domain rule; nothing was changed.'),
};

const ERROR_SCHEMA = {
  type: 'object',
  description: 'The one error shape of every 4xx answer.',
  required: ['statusCode', 'code', 'error', 'message', 'violations'],
  properties: {
    statusCode: { type: 'integer', example: 400 },
    code: { type: 'string', description: 'The rule broken, `validation-failed`, or the status in words.', example: 'validation-failed' },
    error: { type: 'string', example: 'Bad Request' },
    message: { type: 'string', example: 'approvedPlaces must not be less than 0' },
    violations: {
      type: 'array',
      items: {
        type: 'object', required: ['field', 'rule', 'message'],
        properties: { field: { type: 'string', example: 'approvedPlaces' }, rule: { type: 'string', example: 'min' }, message: { type: 'string', example: 'approvedPlaces must not be less than 0' } },
      },
    },
  },
};

const PUBLIC_PATHS = /^\/(health\/|metrics$)/;

/**
 * Completes the generated OpenAPI document so it explains itself: servers, the error shape and
 * which errors each operation answers, security per operation (none on health and metrics), the
 * tags described, and a unique operation id. Summaries and descriptions come from each
 * operation's `@ApiOperation`.
 */
export function completeApiDocument(document: OpenAPIObject, options: { service: string; port: number; description: string }): OpenAPIObject {
  // The address inside the cluster (deploy/k8s: a Service per service on port 80, namespace tilbudsnet); with
  // npm start the same API answers on http://localhost:<port>.
  document.servers = [{
    url: `http://${options.service}.tilbudsnet.svc.cluster.local`,
    description: `In the cluster (deploy/k8s). In development (npm start): http://localhost:${options.port}`,
  }];
  document.info.description = options.description;
  document.info.contact = { name: 'Tilbudsnet', email: 'drift@tilbudsnet.test' };
  document.info.license = { name: 'Proprietary: the municipalities and regions of Denmark', url: 'http://localhost/licens' };
  document.components = document.components ?? {};
  document.components.schemas = { ...(document.components.schemas ?? {}), Error: ERROR_SCHEMA as never };
  document.components.responses = { ...(document.components.responses ?? {}), ...ERROR_RESPONSES };
  const usedTags = new Set<string>();
  const usedResponses = new Set<string>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item) as [string, any][]) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      const isPublic = PUBLIC_PATHS.test(path);
      operation.security = isPublic ? [] : [{ bearer: [] }];
      operation.tags = operation.tags?.length ? operation.tags : ['health'];
      operation.tags.forEach((t: string) => usedTags.add(t));
      const hasInput = (operation.parameters?.length ?? 0) > 0 || !!operation.requestBody;
      const errors: [string, string][] = [];
      if (hasInput) errors.push(['400', 'BadRequest']);
      if (!isPublic) errors.push(['401', 'Unauthorized'], ['403', 'Forbidden']);
      if (path.includes('{')) errors.push(['404', 'NotFound']);
      if (method !== 'get' && !isPublic) errors.push(['409', 'Conflict'], ['422', 'UnprocessableEntity']);
      for (const [status, name] of errors) {
        operation.responses[status] ??= { $ref: `#/components/responses/${name}` };
        usedResponses.add(name);
      }
      if (isPublic && !Object.keys(operation.responses).some((s) => s.startsWith('4'))) {
        operation.responses['404'] = { $ref: '#/components/responses/NotFound' };
        usedResponses.add('NotFound');
      }
    }
  }
  for (const name of Object.keys(ERROR_RESPONSES)) if (!usedResponses.has(name)) delete (document.components.responses as Record<string, unknown>)[name];
  document.tags = [...usedTags].sort().map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? name }));
  return document;
}
