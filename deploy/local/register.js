// Runs TypeScript sources directly (services, scripts, benchmarks) with SWC, keeping NestJS's
// decorator metadata. Workspace packages (@tilbudsnet/*) resolve through npm's workspace links.
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || require('path').join(__dirname, '../../tsconfig.json');
require('@swc-node/register');
