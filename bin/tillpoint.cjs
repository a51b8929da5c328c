#!/usr/bin/env node
// The `tillpoint` command: runs the built headless host (npm run build makes out/).
const path = require('node:path');
const fs = require('node:fs');

const cli = path.join(__dirname, '..', 'out', 'main', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error('Tillpoint is not built yet: run `npm run build` first.');
  process.exit(1);
}
require(cli).startFromCommandLine();
