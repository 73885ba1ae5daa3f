import { libraryConfig } from '@omega-ta/config/tsup';

// index: the library; replay-node: `@omega-ta/slicer/replay` (reads a reference directory, Node
// only); replay: the CLI, `node dist/replay.js <dir>`.
export default libraryConfig({
  entry: { index: 'src/index.ts', 'replay-node': 'src/replay-node.ts', replay: 'src/replay-cli.ts' },
});
