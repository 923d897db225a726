import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The layers, lowest first. A module may import its own layer and the layers below it, never one
// above: core (pure rules) < contract (the API's shapes, shared with the web) < persistence
// (schema, migrations, transactions, audit append) < services (workflows) < adapters (HTTP, CLI,
// PDF, import, scanner intake). The web application is an adapter that may import only itself
// and the contract. An import cycle anywhere fails the build.

const repository = path.resolve(import.meta.dirname, '../..');
const source = path.join(repository, 'src');

type Layer = 'core' | 'contract' | 'persistence' | 'services' | 'adapters' | 'web';
const ORDER: readonly Layer[] = ['core', 'contract', 'persistence', 'services', 'adapters'];

function layerOf(file: string): Layer {
  const relative = path.relative(source, file).split(path.sep);
  if (relative[0] === 'adapters' && relative[1] === 'web') return 'web';
  return relative[0] as Layer;
}

/** Layers each layer may import. */
function allowed(layer: Layer): ReadonlySet<Layer> {
  if (layer === 'web') return new Set(['web', 'contract']);
  return new Set(ORDER.slice(0, ORDER.indexOf(layer) + 1));
}

/**
 * Besides the contract, the web may use the core's text functions: numerals, dates and names as
 * the Chinese press writes them are pure, and must read the same on screen as in print.
 */
const WEB_MAY_USE = path.join(source, 'core', 'text') + path.sep;

/** HTTP routes call services; only services touch the database. */
const ROUTES = path.join(source, 'adapters', 'http', 'routes') + path.sep;
const PERSISTENCE = path.join(source, 'persistence') + path.sep;

/** Packages a layer may use: the core has no I/O (no node: modules, no database, no HTTP). */
const CORE_PACKAGES = /^(pinyin-pro|zod)$/;
const CONTRACT_PACKAGES = /^zod(\/.*)?$/;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

interface Imports {
  readonly local: string[];
  readonly packages: string[];
}

function importsOf(file: string): Imports {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const local: string[] = [];
  const packages: string[] = [];
  for (const { fileName } of info.importedFiles) {
    if (fileName.startsWith('.')) local.push(path.resolve(path.dirname(file), fileName));
    else packages.push(fileName);
  }
  return { local, packages };
}

const files = sourceFiles(source);
const graph = new Map(files.map((file) => [file, importsOf(file)]));
const shown = (file: string) => path.relative(repository, file);

describe('architecture: layers and cycles', () => {
  it('no module imports a layer above its own', () => {
    const violations: string[] = [];
    for (const [file, { local }] of graph) {
      const layer = layerOf(file);
      for (const target of local) {
        if (!target.startsWith(source)) {
          violations.push(`${shown(file)} imports ${shown(target)}, outside src/`);
          continue;
        }
        const targetLayer = layerOf(target);
        if (layer === 'web' && target.startsWith(WEB_MAY_USE)) continue;
        if (file.startsWith(ROUTES) && target.startsWith(PERSISTENCE)) {
          violations.push(`${shown(file)} (an HTTP route) imports ${shown(target)}: call a service`);
        }
        if (!allowed(layer).has(targetLayer)) {
          violations.push(`${shown(file)} (${layer}) imports ${shown(target)} (${targetLayer})`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  // The web's build configuration and build steps run in Node, at build time: they sit beside
  // the web's sources (src/adapters/web/*.ts), never inside them (src/adapters/web/src/).
  const BUILD_TIME = /^src\/adapters\/web\/[^/]+\.ts$/;

  it('the core and the contract use no I/O packages; the web no Node modules', () => {
    const violations: string[] = [];
    for (const [file, { packages }] of graph) {
      const layer = layerOf(file);
      for (const name of packages) {
        if (layer === 'core' && !CORE_PACKAGES.test(name)) violations.push(`${shown(file)} uses ${name}`);
        if (layer === 'contract' && !CONTRACT_PACKAGES.test(name))
          violations.push(`${shown(file)} uses ${name}`);
        if (layer === 'web' && name.startsWith('node:') && !BUILD_TIME.test(shown(file))) {
          violations.push(`${shown(file)} uses ${name}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('HTTP routes query no table themselves', () => {
    const querying = [...graph.keys()]
      .filter((file) => file.startsWith(ROUTES))
      .filter((file) => /\.(selectFrom|insertInto|updateTable|deleteFrom)\(/.test(readFileSync(file, 'utf8')))
      .map(shown);
    expect(querying).toEqual([]);
  });

  it('every relative import names a file that exists', () => {
    const missing = [...graph].flatMap(([file, { local }]) =>
      local
        .filter((target) => !graph.has(target) && !/\.(css|json|svg|png)$/.test(target))
        .map((target) => `${shown(file)} → ${shown(target)}`),
    );
    expect(missing).toEqual([]);
  });

  it('no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      stack.push(file);
      for (const target of graph.get(file)?.local ?? []) {
        if (!graph.has(target)) continue;
        const seen = state.get(target);
        if (seen === 'open')
          cycles.push([...stack.slice(stack.indexOf(target)), target].map(shown).join(' → '));
        else if (seen === undefined) visit(target);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});
