import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VegaScripts } from '@mlgate/core';

/**
 * The UMD builds the HTML report inlines, as `scripts/build.mjs` copies them into a bundle's `dist/vega/` (keep the
 * two lists alike): package, file under its `build/`.
 */
const BUILDS: Record<keyof VegaScripts, readonly [string, string]> = {
  vega: ['vega', 'vega.min.js'],
  vegaLite: ['vega-lite', 'vega-lite.min.js'],
  vegaEmbed: ['vega-embed', 'vega-embed.min.js'],
};

/**
 * Reads the vega, vega-lite and vega-embed builds for the HTML report. `entry` is the running program's entry module
 * (`import.meta.url` of an action's or the CLI's index): a bundle finds them beside itself in `vega/`, the source
 * tree in the `node_modules` of the entry's package or any folder above it. A missing build is a broken install.
 */
export async function readVegaScripts(entry: URL): Promise<VegaScripts> {
  const from = dirname(fileURLToPath(entry));
  const read = async ([pkg, file]: readonly [string, string]): Promise<string> => {
    const places: [string, string][] = [[join(from, 'vega', file), join(from, 'vega', `${pkg}.LICENSE`)]];
    for (let dir = from; ; dir = dirname(dir)) {
      places.push([join(dir, 'node_modules', pkg, 'build', file), join(dir, 'node_modules', pkg, 'LICENSE')]);
      if (dirname(dir) === dir) break;
    }
    for (const [build, license] of places) {
      try {
        const source = await readFile(build, 'utf8');
        // The page redistributes the build, so it carries the package's license (BSD-3-Clause) with it.
        return `/*! ${pkg}: ${(await readFile(license, 'utf8')).replaceAll('*/', '* /').trim()} */\n${source}`;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    throw new Error(
      `${pkg}/build/${file} is missing (looked beside ${from} and in node_modules above it): reinstall mlgate`,
    );
  };
  return {
    vega: await read(BUILDS.vega),
    vegaLite: await read(BUILDS.vegaLite),
    vegaEmbed: await read(BUILDS.vegaEmbed),
  };
}
