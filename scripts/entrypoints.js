// The build compiles src/ and emails/ together (rootDir "."), so Nest writes dist/src/main.js.
// The contract promises dist/main.js and dist/cli.js: these two files forward to the real ones.
const { writeFileSync } = require('node:fs');
writeFileSync('dist/main.js', "require('./src/main');\n");
writeFileSync('dist/cli.js', "require('./src/cli');\n");
