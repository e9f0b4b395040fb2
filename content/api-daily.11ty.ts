/** Marker: the JSON API's days at `/api/daily_papers/YYYY-MM-DD.json` and `latest.json`, shaped by src/api.ts. */
import { dailyFiles, dailyJson, type DailyFile } from '../src/api.ts';
import { citablesByDay } from '../src/citable.ts';
import type { PaperView } from '../src/views.ts';

type Data = { file: DailyFile };

export const data = {
  pagination: { data: 'paperfeed.pages.papers', size: 1, alias: 'file', before: (papers: PaperView[]) => dailyFiles(citablesByDay(papers)) },
  permalink: (data: Data) => data.file.path,
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  return dailyJson(data.file.cites);
}
