import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/open.ts';
import { verifyAuditLog } from './verify.ts';

const config = loadConfig();
const db = await openDatabase(config);
try {
  const result = await verifyAuditLog(db);
  if (result.firstBreak) {
    const b = result.firstBreak;
    console.error(
      `The audit log is broken at entry ${b.entryId} (partnership ${b.partnershipId ?? 'installation'}): ${b.problem}. ` +
        `${result.entriesChecked} entries checked before it.`,
    );
    process.exitCode = 1;
  } else {
    console.log(
      `The audit log is intact: ${result.entriesChecked} entries in ${result.chains} chains checked.`,
    );
  }
} finally {
  await db.close();
}
