// Prints jest's totals as the one line CI reads: "N passed, N failed" (", N skipped" when any).
const results = require(require('path').resolve(process.argv[2]));
const skipped = results.numPendingTests + results.numTodoTests;
const suitesFailed = results.numFailedTestSuites - results.testResults.filter((s) => s.assertionResults.some((a) => a.status === 'failed')).length;
const failed = results.numFailedTests + Math.max(0, suitesFailed);
console.log(`${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
