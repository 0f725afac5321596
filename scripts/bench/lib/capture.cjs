// Preloaded into the server in capture mode (node --require): appends every SQL statement the
// server sends (text + values) as JSON lines to BENCH_CAPTURE_FILE, so the database ceiling can
// replay exactly what one request runs. Never used outside the benchmark.
const fs = require('node:fs');
const path = require('node:path');
const file = process.env.BENCH_CAPTURE_FILE;
const mysql2Dir = path.dirname(require.resolve('mysql2', { paths: [path.join(__dirname, '../../../server')] }));
const Base = require(path.join(mysql2Dir, 'lib/base/connection.js'));
for (const m of ['query', 'execute']) {
  const orig = Base.prototype[m];
  Base.prototype[m] = function (sql, values, cb) {
    const text = typeof sql === 'string' ? sql : sql && sql.sql;
    const vals = Array.isArray(values) ? values : sql && Array.isArray(sql.values) ? sql.values : [];
    if (text && !/^SET time_zone/i.test(text)) fs.appendFileSync(file, JSON.stringify({ t: Date.now(), c: this.threadId, sql: text, values: vals }) + '\n');
    return orig.call(this, sql, values, cb);
  };
}
