import { plural } from '../plural.js';
import { cellText, type GroupQuestion } from './group.js';
import { checkerText, questionNumbers, rowChangeText, scraperText, type CohortRow } from './columns.js';
import type { CohortSummary } from './summary.js';

/** Options for {@link formatCohortHtml}. */
export interface CohortHtmlOptions {
  title: string;
  /** Turns a group's link (GitHub page or a report path) into an href for the page, or null for no link. */
  href: (row: CohortRow) => string | null;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML text or attribute value: every character that could start markup is escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] as string);
}

// Okabe–Ito colours (distinguishable with every common colour-vision deficiency), as light tints so the number in
// each cell stays readable; the text of the cell, not its colour, carries the value.
const STYLE = `
:root{font:14px/1.4 system-ui,sans-serif;color:#1f2328}
body{margin:1.5rem}
h1{font-size:1.4rem;margin:0 0 .25rem}
.totals{margin:.25rem 0 1rem;color:#444}
.controls{display:flex;gap:1rem;align-items:center;margin:.5rem 0;flex-wrap:wrap}
input[type=search]{padding:.3rem .5rem;min-width:16rem}
table{border-collapse:collapse;font-variant-numeric:tabular-nums}
th,td{border:1px solid #d0d7de;padding:.2rem .35rem;text-align:right;white-space:nowrap}
th{background:#f6f8fa;position:sticky;top:0;cursor:pointer;user-select:none}
th[aria-sort=ascending]::after{content:" \\25B2"}
th[aria-sort=descending]::after{content:" \\25BC"}
td.src,th.src{text-align:left}
td.ok{background:#cde6f7}
td.short{background:#fbdc9a}
td.long{background:#e9bfd8}
td.fail{background:#e9bfd8}
td.unanswered{background:#ececec;color:#555}
td.missing{background:#fff;color:#555}
td.o-pass{background:#cde6f7}
td.o-fail{background:#fbdc9a}
td.o-crash{background:#f1b89c}
tr.unreadable td{background:#f3f3f3}
.legend span{display:inline-block;padding:0 .4rem;margin-right:.4rem;border:1px solid #d0d7de}
figure{margin:1rem 0}
figcaption{color:#444;margin-bottom:.25rem}
`;

// Sorting compares data-sort values (numbers where the cell holds one); filtering matches the row's text. The page
// makes no request: everything it needs is inline, and its content security policy forbids the rest.
const SCRIPT = `
(function(){
  var table=document.getElementById('cohort');
  var body=table.tBodies[0];
  var heads=table.tHead.rows[0].cells;
  function key(row,i){var c=row.cells[i];if(!c)return '';var v=c.getAttribute('data-sort');return v===null?c.textContent:v;}
  for(var i=0;i<heads.length;i++){(function(i){heads[i].addEventListener('click',function(){
    var asc=heads[i].getAttribute('aria-sort')!=='ascending';
    for(var j=0;j<heads.length;j++)heads[j].removeAttribute('aria-sort');
    heads[i].setAttribute('aria-sort',asc?'ascending':'descending');
    var rows=Array.prototype.slice.call(body.rows);
    rows.sort(function(a,b){var x=key(a,i),y=key(b,i);var nx=parseFloat(x),ny=parseFloat(y);
      var r=(!isNaN(nx)&&!isNaN(ny))?nx-ny:(isNaN(nx)===isNaN(ny)?String(x).localeCompare(String(y)):(isNaN(nx)?1:-1));
      return asc?r:-r;});
    rows.forEach(function(r){body.appendChild(r);});
  });})(i);}
  var text=document.getElementById('filter');
  var outcome=document.getElementById('outcome');
  var shown=document.getElementById('shown');
  function filter(){
    var q=text.value.toLowerCase();var o=outcome.value;var n=0;
    Array.prototype.forEach.call(body.rows,function(r){
      var ok=(!q||r.textContent.toLowerCase().indexOf(q)!==-1)&&(!o||r.getAttribute('data-outcome')===o);
      r.hidden=!ok;if(ok)n++;});
    shown.textContent=n+' of '+body.rows.length+(body.rows.length===1?' group shown':' groups shown');
  }
  text.addEventListener('input',filter);outcome.addEventListener('change',filter);filter();
})();
`;

function questionCell(question: GroupQuestion | undefined): string {
  if (!question) return '<td class="missing" data-sort=""></td>';
  const range = (label: string, value: number, r: GroupQuestion['wordRange']) =>
    r ? `${value} ${label} (${r.min}–${r.max})` : `${value} ${label}`;
  const title = `Q${question.number}: ${range('words', question.words, question.wordRange)}, ${range('images', question.images, question.imageRange)}; ${question.status}`;
  // Sorted by how far out of range: unanswered and missing last.
  const sort =
    question.status === 'unanswered' || question.status === 'missing'
      ? ''
      : String(question.wordsBy !== 0 ? question.wordsBy : question.imagesBy);
  return `<td class="${question.status}" title="${escapeHtml(title)}" data-sort="${sort}">${escapeHtml(cellText(question))}</td>`;
}

/** A horizontal bar per question: how many groups fail it (and, lighter, how many left it unanswered). */
function chart(summary: CohortSummary): string {
  const questions = summary.questions;
  const rowHeight = 18;
  const labelWidth = 44;
  const barWidth = 420;
  const max = Math.max(1, ...questions.map((q) => q.failing + q.unanswered));
  const scale = (n: number) => (n / max) * barWidth;
  const height = questions.length * rowHeight + 24;
  const bars = questions
    .map((q, i) => {
      const y = i * rowHeight + 20;
      const failing = scale(q.failing);
      const unanswered = scale(q.unanswered);
      return (
        `<g><title>Question ${q.number}: out of range in ${plural(q.failing, 'group')}, unanswered in ${q.unanswered}</title>` +
        `<text x="${labelWidth - 6}" y="${y + 12}" text-anchor="end">Q${q.number}</text>` +
        `<rect x="${labelWidth}" y="${y + 2}" width="${failing.toFixed(1)}" height="${rowHeight - 5}" fill="#D55E00"/>` +
        `<rect x="${(labelWidth + failing).toFixed(1)}" y="${y + 2}" width="${unanswered.toFixed(1)}" height="${rowHeight - 5}" fill="#bbbbbb"/>` +
        `<text x="${(labelWidth + failing + unanswered + 4).toFixed(1)}" y="${y + 12}">${q.failing}${q.unanswered ? ` + ${q.unanswered} unanswered` : ''}</text></g>`
      );
    })
    .join('');
  return (
    `<figure><figcaption>Groups failing each question (orange: out of range; grey: unanswered)</figcaption>` +
    `<svg id="chart" xmlns="http://www.w3.org/2000/svg" width="${labelWidth + barWidth + 160}" height="${height}" role="img" aria-label="Groups failing each question" font-size="12" font-family="system-ui,sans-serif">` +
    `<text x="${labelWidth}" y="12" fill="#444">0</text><text x="${labelWidth + barWidth}" y="12" text-anchor="end" fill="#444">${max}</text>` +
    `${bars}</svg></figure>`
  );
}

function outcomeOf(row: CohortRow): string {
  return row.error !== null ? 'unreadable' : (row.courseChecker?.outcome ?? 'unreadable');
}

/** The table's header cells: the group's columns, the change column with `--compare`, a column per question. */
function headCells(numbers: readonly number[], compared: boolean): string {
  return [
    '<th class="src" scope="col">group</th>',
    '<th scope="col">edition</th>',
    '<th scope="col" title="The course checker of the report\'s own edition">checker</th>',
    '<th scope="col" title="num_warnings the grading scraper records (newest checker; a crash is recorded as 0)">scraper</th>',
    '<th scope="col" title="errors">E</th>',
    '<th scope="col" title="warnings">W</th>',
    '<th scope="col" title="notices">N</th>',
    '<th scope="col">answered</th>',
    ...(compared ? ['<th scope="col">change</th>'] : []),
    ...numbers.map((n) => `<th scope="col">Q${n}</th>`),
  ].join('');
}

/** One group's table row; a source that could not be read spans the row with its reason. */
function bodyRow(row: CohortRow, numbers: readonly number[], compared: boolean, href: string | null): string {
  const name = escapeHtml(row.source);
  const source = href ? `<a href="${escapeHtml(href)}">${name}</a>` : name;
  const outcome = outcomeOf(row);
  if (row.error !== null) {
    const span = 8 + (compared ? 1 : 0) + numbers.length;
    return (
      `<tr class="unreadable" data-outcome="unreadable"><td class="src">${source}</td>` +
      `<td colspan="${span - 1}" class="src" data-sort="">could not read: ${escapeHtml(row.error)}</td></tr>`
    );
  }
  const byNumber = new Map((row.questions ?? []).map((q) => [q.number, q]));
  const unchecked = row.unchecked
    ? `<br><small class="unchecked">image checks not run: ${escapeHtml(row.unchecked)}</small>`
    : '';
  const cells = [
    `<td class="src">${source}${unchecked}</td>`,
    `<td>${escapeHtml(row.edition ?? '')}</td>`,
    `<td class="o-${outcome}" data-sort="${row.courseChecker?.outcome === 'crash' ? 1000 : (row.courseChecker?.failures.length ?? '')}">${escapeHtml(checkerText(row))}</td>`,
    `<td data-sort="${row.scraper?.numWarnings ?? ''}"${row.scraper?.note ? ` title="${escapeHtml(row.scraper.note)}"` : ''}>${escapeHtml(scraperText(row))}</td>`,
    `<td>${row.summary?.errors ?? ''}</td>`,
    `<td>${row.summary?.warnings ?? ''}</td>`,
    `<td>${row.summary?.notices ?? ''}</td>`,
    `<td data-sort="${row.answered ?? ''}">${row.answered}/${row.questionCount}</td>`,
    ...(compared ? [`<td class="src">${escapeHtml(rowChangeText(row))}</td>`] : []),
    ...numbers.map((n) => questionCell(byNumber.get(n))),
  ];
  return `<tr data-outcome="${outcome}">${cells.join('')}</tr>`;
}

/**
 * The cohort as one self-contained HTML page: a sortable, filterable table (a row per group, a coloured cell per
 * question with its number in it, a link to each report) and an inline SVG bar chart of how many groups fail each
 * question. Every text from a report, a source or an error is escaped; the page loads nothing.
 */
export function formatCohortHtml(
  rows: readonly CohortRow[],
  summary: CohortSummary,
  options: CohortHtmlOptions,
): string {
  const numbers = questionNumbers(rows);
  const compared = rows.some((row) => row.change);
  const head = headCells(numbers, compared);
  const body = rows.map((row) => bodyRow(row, numbers, compared, options.href(row))).join('\n');
  const { pass, fail, crash } = summary.courseChecker;
  const totals =
    `${plural(summary.groups, 'group')}: ${pass} pass, ${fail} fail, ${crash} crash` +
    (summary.unreadable ? `, ${summary.unreadable} could not be read` : '') +
    `. The grading scraper (${summary.scraper.checkerEdition} checker) records 0 warnings for ${plural(summary.scraper.crashRecordedAsZero, 'crashing report')}.`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(options.title)}</h1>
<p class="totals">${escapeHtml(totals)}</p>
<p class="legend">Cells: <span class="ok" style="background:#cde6f7">ok</span><span style="background:#fbdc9a">−N w short</span><span style="background:#e9bfd8">+N w long</span>(w words, i images) <span style="background:#ececec">— unanswered</span>. Click a column header to sort.</p>
<div class="controls">
<label>Filter <input id="filter" type="search" placeholder="group, outcome, …" autocomplete="off"></label>
<label>Outcome <select id="outcome"><option value="">all</option><option value="pass">pass</option><option value="fail">fail</option><option value="crash">crash</option><option value="unreadable">could not read</option></select></label>
<span id="shown"></span>
</div>
<table id="cohort">
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
${chart(summary)}
<script>${SCRIPT}</script>
</body>
</html>
`;
}
