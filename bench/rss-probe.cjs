// Preloaded by bench/batch.mjs (`node --require bench/rss-probe.cjs ...`):
// at exit, writes the process's peak RSS (main thread and worker threads
// together: they share the process) and CPU time to $COPYDESK_PROBE.
'use strict';
const fs = require('node:fs');

const file = process.env.COPYDESK_PROBE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    fs.writeFileSync(
      file,
      JSON.stringify({
        maxRssBytes: usage.maxRSS * 1024,
        cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
      }),
    );
  });
}
