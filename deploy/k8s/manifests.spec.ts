import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { KAFKA_PRINCIPALS, topicsWrittenBy } from '@tilbudsnet/messaging';
import { kafkaAccessYaml } from './kafka-resources';

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

/** Throws when the document breaks its kind's schema (Kubernetes' own kinds; Strimzi's are checked below). */
function validate(doc: Manifest): void {
  if (doc.apiVersion.startsWith('kafka.strimzi.io/')) return;
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

  it('carries the Kafka users and ACLs of the access map (kafka-access.yaml is up to date)', () => {
    expect(readFileSync(join(BASE, 'kafka-access.yaml'), 'utf8')).toBe(kafkaAccessYaml());
    const users = manifests().filter((m) => m.kind === 'KafkaUser');
    expect(users.map((u) => u.metadata.name).sort()).toEqual([...KAFKA_PRINCIPALS].sort());
    // visitation may write visitation's topics and no one else's.
    const writes = users.find((u) => u.metadata.name === 'visitation')!.spec.authorization.acls
      .filter((a: { operations: string[] }) => a.operations.includes('Write')).map((a: { resource: { name: string } }) => a.resource.name);
    expect(writes.filter((t: string) => !t.endsWith('.dlq')).sort()).toEqual(topicsWrittenBy('visitation').sort());
    expect(writes).not.toContain('offers.offer');
  });

  it.each(SERVICES)('signs %s into Kafka over TLS as its own principal', (service) => {
    const deployment = manifests().find((m) => m.kind === 'Deployment' && m.metadata.name === service)!;
    const [container] = deployment.spec.template.spec.containers;
    expect(container.env).toContainEqual({ name: 'KAFKA_SASL_USERNAME', value: service });
    expect(container.env).toContainEqual({ name: 'KAFKA_SASL_PASSWORD', valueFrom: { secretKeyRef: { name: service, key: 'password' } } });
    const config = manifests().find((m) => m.kind === 'ConfigMap')! as unknown as { data: Record<string, string> };
    expect(config.data).toMatchObject({ KAFKA_SSL: 'on', KAFKA_SSL_CA_FILE: '/etc/kafka-ca/ca.crt' });
  });
});
