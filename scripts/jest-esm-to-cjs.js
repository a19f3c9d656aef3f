// Jest 29 cannot require() ES modules (Node can since 20.19, which is how `node dist/main.js` loads
// NestJS 12, published as ESM only). For the tests, those packages are compiled to CommonJS here
// with the TypeScript compiler the project already has.
// - `import.meta.url` has no CommonJS form: it becomes the file's URL.
// - An ES module has no `require` of its own; some of these declare one (createRequire), which would
//   clash with the CommonJS wrapper's parameter, so that name is renamed before compiling.
const ts = require('typescript');

function renameOwnRequire(context) {
  const f = ts.factory;
  const visit = (node) => {
    if (ts.isPropertyAccessExpression(node) && ts.isMetaProperty(node.expression) && node.expression.keywordToken === ts.SyntaxKind.ImportKeyword && node.name.text === 'url') {
      // require('node:url').pathToFileURL(__filename).href, with the wrapper's real require.
      const urlModule = f.createCallExpression(f.createIdentifier('require'), undefined, [f.createStringLiteral('node:url')]);
      const fileUrl = f.createCallExpression(f.createPropertyAccessExpression(urlModule, 'pathToFileURL'), undefined, [f.createIdentifier('__filename')]);
      return f.createPropertyAccessExpression(fileUrl, 'href');
    }
    if (ts.isIdentifier(node) && node.text === 'require' && !(node.parent && ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) {
      return f.createIdentifier('__esmOwnRequire');
    }
    return ts.visitEachChild(node, visit, context);
  };
  return (sourceFile) => ts.visitNode(sourceFile, visit);
}

module.exports = {
  process(source, filename) {
    const { outputText } = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, allowJs: true, esModuleInterop: true },
      transformers: { before: [renameOwnRequire] },
    });
    return { code: outputText };
  },
};
