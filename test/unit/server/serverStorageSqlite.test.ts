import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe } from 'vitest';
import { openSqliteStorage } from '../../../src/server/storage/openStorage.ts';
import { consultationsContract } from './consultationsSuite.ts';
import { staffContract } from './staffSuite.ts';
import { dialogueContract } from './dialogueSuite.ts';
import { budgetContract } from './budgetSuite.ts';
import { layerContract } from './layerSuite.ts';
import { eventLogContract } from './eventLogSuite.ts';
import { seedData, storageContract } from './storageSuite.ts';
import type { OpenStorage } from './storageSuite.ts';

describe('SQLite storage', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coplan-sqlite-'));
  let n = 0;
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const open: OpenStorage = async (fresh, options = {}) => openSqliteStorage({ file: path.join(dir, `test-${fresh ? ++n : n}.sqlite`), seed: seedData, ...options });
  storageContract(open);
  eventLogContract(open);
  consultationsContract(open);
  staffContract(open);
  dialogueContract(open);
  budgetContract(open);
  layerContract(open);
});
