// Converts every .html file of a folder to Markdown with turndown (and turndown-plugin-gfm for
// tables when it is installed) in one node process, as a script using the library would.
// Used by run.sh when node can load turndown:  node turndown.js IN_DIR OUT_DIR
'use strict';
const fs = require('fs');
const path = require('path');
const TurndownService = require('turndown');

const [inDir, outDir] = process.argv.slice(2);
if (!inDir || !outDir) {
  console.error('usage: node turndown.js IN_DIR OUT_DIR');
  process.exit(2);
}
const td = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-' });
td.remove(['script', 'style', 'noscript', 'title']);
try {
  td.use(require('turndown-plugin-gfm').gfm);
} catch (e) {
  // without the plugin, tables stay HTML
}
fs.mkdirSync(outDir, { recursive: true });
for (const name of fs.readdirSync(inDir).filter((n) => n.endsWith('.html')).sort()) {
  const html = fs.readFileSync(path.join(inDir, name), 'utf8');
  fs.writeFileSync(path.join(outDir, name.replace(/\.html$/, '.md')), td.turndown(html));
}
