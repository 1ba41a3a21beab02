import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The domain rule of eslint.config.mjs, tried on files it has never seen: ESLint reads the text on
 * stdin as if it were the named file, so the rule is judged by where a file lives.
 */
const ROOT = resolve(__dirname, '../..');

function lint(path: string, source: string): { errors: number; messages: string[] } {
  const run = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', '--stdin', '--stdin-filename', path], {
    cwd: ROOT, input: source, encoding: 'utf8',
  });
  const [result] = JSON.parse(run.stdout) as { errorCount: number; messages: { ruleId: string; message: string }[] }[];
  return { errors: result.errorCount, messages: result.messages.map((m) => `${m.ruleId}: ${m.message}`) };
}

describe('domain purity (lint)', () => {
  it('fails a domain file that imports @nestjs/common', () => {
    const result = lint('services/offers/src/offers/domain/fixture.ts', "import { Injectable } from '@nestjs/common';\nexport const rule = Injectable;\n");
    expect(result.errors).toBe(1);
    expect(result.messages[0]).toMatch(/^no-restricted-imports: .*domain\/ holds pure rules/);
  });

  it.each([
    ['TypeORM', "import { DataSource } from 'typeorm';\nexport type D = DataSource;\n"],
    ['the messaging lib', "import { TransactionalOutbox } from '@tilbudsnet/messaging';\nexport type O = TransactionalOutbox;\n"],
    ['an entity', "import { OfferRecord } from '../offer.entity';\nexport type R = OfferRecord;\n"],
  ])('fails a domain file that imports %s', (_, source) => {
    expect(lint('services/tariffs/src/domain/fixture.ts', source).errors).toBe(1);
  });

  it('lets a domain file use the event contract and its own folder, and lets an edge file use Nest', () => {
    expect(lint('services/offers/src/offers/domain/fixture.ts', "import { RuleViolation } from '@tilbudsnet/contracts';\nimport { addMonths } from './notice-rule';\nexport const x = [RuleViolation, addMonths];\n").errors).toBe(0);
    expect(lint('services/offers/src/offers/fixture.service.ts', "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n").errors).toBe(0);
  });
});
