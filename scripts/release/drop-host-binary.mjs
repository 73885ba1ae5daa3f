// Run by @omega-ta/kernels-native's `prepublishOnly` (after `napi pre-publish`): removes the
// `kernels-native.<platform>.node` a local build left in the package folder, so the published
// main package carries no binary and every platform loads its own platform package (the shape
// scripts/release-check.mjs installs and loads). Never runs on `pnpm pack`.
import { readdirSync, rmSync } from 'node:fs';

for (const file of readdirSync('.').filter((f) => /^kernels-native\.[\w-]+\.node$/.test(f))) {
  rmSync(file);
  console.log(`removed ${file} (the platform package carries it)`);
}
