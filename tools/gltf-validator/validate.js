#!/usr/bin/env node
// validate.js — the Khronos glTF-Validator (npm gltf-validator, pinned in
// package.json) on each file named, for ClosedSet's export tests.
//
//   node tools/gltf-validator/validate.js [--json] FILE.glb|FILE.gltf ...
//
// Prints one line per file: errors, warnings, infos and hints, then every
// error and warning with its code, JSON pointer and message. Exit status: 0
// when every file has 0 errors and 0 warnings; 1 otherwise; 2 on usage or a
// file that cannot be read. Needs no network and no display.
'use strict';
const fs = require('fs');
const path = require('path');
let validator;
try {
  validator = require('gltf-validator');
} catch (e) {
  console.error('validate.js: the gltf-validator package is not installed; run: npm ci --prefix ' + __dirname);
  process.exit(2);
}

async function main() {
  const args = process.argv.slice(2);
  const json = args[0] === '--json';
  const files = json ? args.slice(1) : args;
  if (files.length === 0) {
    console.error('usage: node validate.js [--json] FILE.glb|FILE.gltf ...');
    process.exit(2);
  }
  let failed = false;
  const reports = [];
  for (const file of files) {
    let bytes;
    try {
      bytes = fs.readFileSync(file);
    } catch (e) {
      console.error(`${file}: cannot read: ${e.message}`);
      process.exit(2);
    }
    const report = await validator.validateBytes(new Uint8Array(bytes), {
      uri: path.basename(file),
      maxIssues: 0,  // every issue
      writeTimestamp: false,
      externalResourceFunction: (uri) => Promise.reject(new Error('external resources are not expected: ' + uri)),
    });
    const issues = report.issues;
    reports.push(report);
    console.log(`${file}: glTF-Validator ${report.validatorVersion}: ${issues.numErrors} errors, ` +
                `${issues.numWarnings} warnings, ${issues.numInfos} infos, ${issues.numHints} hints`);
    for (const m of issues.messages)
      if (m.severity <= 1)
        console.log(`  ${m.severity === 0 ? 'error' : 'warning'} ${m.code} at ${m.pointer || m.offset || ''}: ${m.message}`);
    if (issues.numErrors > 0 || issues.numWarnings > 0) failed = true;
  }
  if (json) console.log(JSON.stringify(reports, null, 2));
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error('validate.js: ' + e);
  process.exit(2);
});
