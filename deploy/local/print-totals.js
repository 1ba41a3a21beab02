// Prints jest's totals over one or more result files as the one line CI reads:
// "N passed, N failed" (", N skipped" when any).
const fs = require('fs');
const path = require('path');
let passed = 0, failed = 0, skipped = 0;
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) { failed++; continue; } // a run that wrote no results failed
  const results = require(path.resolve(file));
  const suitesFailed = results.numFailedTestSuites - results.testResults.filter((s) => s.assertionResults.some((a) => a.status === 'failed')).length;
  passed += results.numPassedTests;
  failed += results.numFailedTests + Math.max(0, suitesFailed);
  skipped += results.numPendingTests + results.numTodoTests;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
