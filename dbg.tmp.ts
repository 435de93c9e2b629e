import { readWorkbookFile } from "./src/file";
import { findSchedules } from "./src/core/recognise/find-schedules";
import { columnLetters, cellText } from "./src/core/grid";
(async () => {
  const grids = await readWorkbookFile(process.argv[2]);
  for (const g of grids) {
    if (g.hidden) continue;
    for (const s of findSchedules(g)) {
      console.log(g.name, s.headerRow, Object.entries(s.labels).map(([k, v]) => `${k}=${columnLetters(s.columns[k as "score"]!)}:${v}`).join(" | "));
      console.log(" records", s.records.length, s.records.slice(0, 3).map((r) => [r.ref, r.requirement.slice(0, 40), cellText(r.score)]));
    }
  }
})();
