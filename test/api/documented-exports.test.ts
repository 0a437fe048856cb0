// Every export of parley's public entry points (src/index.ts, src/testing/vitest.ts) has TSDoc,
// and so does every property of every exported interface: these are the library's result fields and options.
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/scenarios.js';

const ENTRIES = ['src/index.ts', 'src/testing/vitest.ts'];

describe('the public API', () => {
  it('documents every exported symbol and every property of an exported interface', () => {
    const program = ts.createProgram(
      ENTRIES.map((entry) => join(ROOT, entry)),
      {
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        target: ts.ScriptTarget.ES2022,
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: ['node'],
      },
    );
    const checker = program.getTypeChecker();
    const undocumented: string[] = [];
    let counted = 0;
    for (const entry of ENTRIES) {
      const sourceFile = program.getSourceFile(join(ROOT, entry));
      expect(sourceFile, entry).toBeDefined();
      const moduleSymbol = checker.getSymbolAtLocation(sourceFile!);
      expect(moduleSymbol, entry).toBeDefined();
      for (const exported of checker.getExportsOfModule(moduleSymbol!)) {
        const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
        counted += 1;
        if (symbol.getDocumentationComment(checker).length === 0) undocumented.push(`${entry}: ${exported.name}`);
        if (!(symbol.flags & ts.SymbolFlags.Interface)) continue;
        for (const property of checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol))) {
          counted += 1;
          if (property.getDocumentationComment(checker).length === 0) {
            undocumented.push(`${entry}: ${exported.name}.${property.name}`);
          }
        }
      }
    }
    expect(undocumented).toEqual([]);
    expect(counted).toBeGreaterThan(300);
  });
});
