// A tiny counted-check runner shared by the release scripts: each named check passes or fails
// (printing its command output), and `finish` prints `<title>: N passed, N failed`.
export function checkRunner(title) {
  let passed = 0;
  let failed = 0;
  return {
    /** Runs one named check; a thrown error (or a failing command) fails it. */
    async check(label, body) {
      try {
        const detail = await body();
        passed += 1;
        console.log(`ok   ${label}${detail ? `: ${detail}` : ''}`);
      } catch (error) {
        failed += 1;
        const output = [error.stdout, error.stderr].filter(Boolean).join('\n').trim();
        console.log(`FAIL ${label}: ${String(error.message).split('\n')[0]}${output ? `\n${output}` : ''}`);
      }
    },
    /** Prints the closing line and sets the exit code. */
    finish() {
      console.log(`${title}: ${passed} passed, ${failed} failed`);
      process.exitCode = failed === 0 ? 0 : 1;
    },
  };
}
