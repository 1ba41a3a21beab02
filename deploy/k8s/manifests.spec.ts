import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

/**
 * The Kubernetes manifests, each document validated against the Kubernetes OpenAPI schema of its
 * apiVersion and kind (kubernetes-models), and checked for what running beyond one machine needs.
 */
const BASE = join(__dirname, 'base');
const SERVICES = ['offers', 'visitation', 'tariffs', 'notifications'];

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec?: any;
}

function manifests(): Manifest[] {
  const kustomization = parseAllDocuments(readFileSync(join(BASE, 'kustomization.yaml'), 'utf8'))[0].toJS() as { resources: string[] };
  return kustomization.resources.flatMap((file) => parseAllDocuments(readFileSync(join(BASE, file), 'utf8')).map((d) => d.toJS() as Manifest));
}

/** Throws when the document breaks its kind's schema. */
function validate(doc: Manifest): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const models = require(`kubernetes-models/${doc.apiVersion}/${doc.kind}`) as Record<string, new (d: unknown) => { validate(): void }>;
  new models[doc.kind](doc).validate();
}

describe('Kubernetes manifests', () => {
  it('lists every manifest file in the kustomization', () => {
    const files = readdirSync(BASE).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml').sort();
    const listed = (parseAllDocuments(readFileSync(join(BASE, 'kustomization.yaml'), 'utf8'))[0].toJS() as { resources: string[] }).resources;
    expect([...listed].sort()).toEqual(files);
  });

  it.each(manifests().map((m) => [`${m.kind} ${m.metadata.name}`, m] as const))('%s validates against the Kubernetes schema', (_name, doc) => {
    expect(() => validate(doc)).not.toThrow();
  });

  it('refuses a manifest that breaks the schema, so the check above can fail', () => {
    const deployment = manifests().find((m) => m.kind === 'Deployment')!;
    expect(() => validate({ ...deployment, spec: { ...deployment.spec, replicas: 'two' } })).toThrow();
    expect(() => validate({ ...deployment, spec: { ...deployment.spec, template: { ...deployment.spec.template, spec: { containers: [{ image: 'x' }] } } } })).toThrow();
  });

  it.each(SERVICES)('runs %s with two replicas or more, probes, a disruption budget and an autoscaler', (service) => {
    const all = manifests();
    const deployment = all.find((m) => m.kind === 'Deployment' && m.metadata.name === service)!;
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    const [container] = deployment.spec.template.spec.containers;
    expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
    expect(container.livenessProbe.httpGet.path).toBe('/health/live');
    expect(container.envFrom).toContainEqual({ configMapRef: { name: 'tilbudsnet-config' } });
    expect(container.env.some((e: { valueFrom?: { secretKeyRef?: unknown } }) => e.valueFrom?.secretKeyRef)).toBe(true);
    const pdb = all.find((m) => m.kind === 'PodDisruptionBudget' && m.metadata.name === service)!;
    expect(pdb.spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
    const hpa = all.find((m) => m.kind === 'HorizontalPodAutoscaler' && m.metadata.name === service)!;
    expect(hpa.spec).toMatchObject({ scaleTargetRef: { kind: 'Deployment', name: service }, minReplicas: 2 });
    expect(all.some((m) => m.kind === 'Service' && m.metadata.name === service)).toBe(true);
  });
});
