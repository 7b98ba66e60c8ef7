// Student-like edits of a report, for the differential test against the course's own checker
// (scripts/differential.mjs). Each edit is what a group plausibly does to its report while filling it in:
// headings of every level inside answers (plain, quoted, in HTML blocks and comments, in code), the `Answer:`
// line deleted, inlined, repeated (twice, below, with NBSP or a zero-width space in it) or in the text, prompts
// replaced by answers, questions duplicated, swapped, renamed, given extra words or odd spacing (NBSP, tab,
// indent, closing hashes), an appendix after the last question, the front matter removed, NBSP, zero-width
// characters, tabs, CRLF and lone CR, images in code, quotes and comments, answers grown, cut, emptied or wrapped
// in `---` markers. A plan combines one to three of them.
//
// An edit is a small plan (a seed and a list of operation names) applied to a text; the same plan on the same
// text always gives the same result.

/** mulberry32: a small, fast, seeded PRNG (the plan must replay exactly from its seed). */
export function random(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const QUESTION = /^(#{1,6})([ \t]*)(question)([ \t]+)(\d+)(.*)$/i;
const WORDS =
  'we used docker to build images for training and the api then deployed them on cloud run with a trigger that ' +
  'ran on every push to main so that the model was always served from the newest commit of the repository';
const VOCABULARY = WORDS.split(' ');

function words(rng, count) {
  return Array.from({ length: count }, () => rng.pick(VOCABULARY)).join(' ');
}

/** The report's questions: heading line, `Answer:` line (or -1) and the answer's lines, by line index. */
function questions(lines) {
  const found = [];
  lines.forEach((line, index) => {
    const match = QUESTION.exec(line);
    if (match && match[1].length >= 2 && match[1].length <= 3)
      found.push({ heading: index, number: +match[5] });
  });
  found.forEach((q, i) => {
    const limit = found[i + 1]?.heading ?? sectionEnd(lines, q.heading);
    q.end = Math.min(limit, sectionEnd(lines, q.heading));
    q.answer = -1;
    for (let j = q.heading + 1; j < q.end; j++) {
      if (lines[j].includes('Answer:')) {
        q.answer = j;
        break;
      }
    }
    q.bodyStart = q.answer === -1 ? q.heading + 1 : q.answer + 1;
  });
  return found;
}

/** Where a question's section ends: the next `#`/`##`/`###` heading outside a quote, or the end. */
function sectionEnd(lines, heading) {
  for (let j = heading + 1; j < lines.length; j++) if (/^#{1,3}[ \t]/.test(lines[j])) return j;
  return lines.length;
}

/** The lines of a question's answer that hold text. */
function textLines(lines, q) {
  const found = [];
  for (let j = q.bodyStart; j < q.end; j++) if (/\S/.test(lines[j])) found.push(j);
  return found;
}

function pickQuestion(rng, lines, withAnswer = true) {
  const all = questions(lines).filter((q) => !withAnswer || q.answer !== -1);
  return all.length ? rng.pick(all) : null;
}

/** A line inside a question's answer, after its `Answer:` line. */
function answerSpot(rng, q) {
  return q.bodyStart + rng.int(Math.max(1, q.end - q.bodyStart));
}

const TITLES = (n) => [
  'Note',
  'Results',
  'Setup',
  `Question ${n}`,
  `Question ${n + 1}`,
  'Answer',
  'Conclusion',
];

/** Operation name -> (lines, rng) => a short label of what it did, or null when it did not apply. */
export const OPERATIONS = {
  'heading-in-answer'(lines, rng) {
    const q = pickQuestion(rng, lines);
    if (!q) return null;
    const hashes = '#'.repeat(1 + rng.int(6));
    const title = rng.pick(TITLES(q.number));
    const shape = rng.pick([
      'plain',
      'plain',
      'quote',
      'html',
      'details',
      'code',
      'inline',
      'bold',
      'tilde',
      'comment',
      'indented',
      'closed',
      'quote-question',
    ]);
    const heading = `${hashes} ${title}`;
    const insert = {
      plain: ['', heading, ''],
      quote: ['', `> ${heading}`, ''],
      html: ['', '<div>', heading, '</div>', ''],
      details: ['', '<details>', '<summary>More</summary>', '', heading, '', '</details>', ''],
      code: [
        '',
        '```bash',
        `${hashes} install the dependencies`,
        'pip install -r requirements.txt',
        '```',
        '',
      ],
      inline: [`We wrote C# and ${hashes} inline, see issue ${hashes}12.`],
      bold: ['', `**${title}** ${hashes}`, ''],
      tilde: ['', '~~~', heading, '~~~', ''],
      comment: ['', '<!--', heading, '-->', ''],
      indented: ['', `    ${heading}`, ''],
      closed: ['', `${heading} ${hashes}`, ''],
      'quote-question': ['', `> ${hashes} Question ${q.number}`, '>', `> ${words(rng, 8)}`, ''],
    }[shape];
    lines.splice(answerSpot(rng, q), 0, ...insert);
    return `${shape} "${heading}" in Q${q.number}`;
  },
  'answer-deleted'(lines, rng) {
    const q = pickQuestion(rng, lines);
    if (!q) return null;
    const mode = rng.pick(['line', 'word', 'colon', 'lowercase']);
    if (mode === 'line') lines.splice(q.answer, 1);
    else
      lines[q.answer] = lines[q.answer].replace(
        'Answer:',
        { word: '', colon: 'Answer', lowercase: 'answer:' }[mode],
      );
    return `${mode} of Q${q.number}`;
  },
  'answer-inlined'(lines, rng) {
    const q = pickQuestion(rng, lines);
    const text = q ? textLines(lines, q)[0] : undefined;
    if (text === undefined) return null;
    lines[q.answer] = `${lines[q.answer].replace(/\s+$/, '')} ${lines[text]}`;
    lines.splice(text, 1);
    return `Q${q.number}`;
  },
  'answer-in-text'(lines, rng) {
    const q = pickQuestion(rng, lines);
    if (!q) return null;
    const phrase = rng.pick([
      'Answer: see below.',
      'The short Answer: yes.',
      '**Answer:** we did.',
      '> Answer:',
      'Q: did it work? Answer: mostly.',
    ]);
    lines.splice(answerSpot(rng, q), 0, '', phrase, '');
    return `"${phrase}" in Q${q.number}`;
  },
  'answer-repeated'(lines, rng) {
    const q = pickQuestion(rng, lines);
    if (!q) return null;
    const mode = rng.pick(['twice', 'below', 'zero-width', 'nbsp']);
    if (mode === 'twice') lines.splice(q.answer + 1, 0, lines[q.answer]);
    else if (mode === 'below') lines.splice(answerSpot(rng, q), 0, '', '> Answer:', '');
    else
      lines[q.answer] = lines[q.answer].replace(
        'Answer:',
        mode === 'nbsp' ? 'Answer:\u00a0' : 'Ans\u200bwer:',
      );
    return `${mode} in Q${q.number}`;
  },
  'heading-spacing'(lines, rng) {
    const q = pickQuestion(rng, lines, false);
    if (!q) return null;
    const match = QUESTION.exec(lines[q.heading]);
    const [, hashes, , word, gap, number, rest] = match;
    const mode = rng.pick(['nbsp', 'tab', 'indented', 'closed', 'trailing', 'two-spaces']);
    lines[q.heading] = {
      nbsp: `${hashes}\u00a0${word}${gap}${number}${rest}`,
      tab: `${hashes}\t${word}${gap}${number}${rest}`,
      indented: `  ${hashes} ${word}${gap}${number}${rest}`,
      closed: `${hashes} ${word}${gap}${number}${rest} ${hashes}`,
      trailing: `${hashes} ${word}${gap}${number}${rest}   `,
      'two-spaces': `${hashes}  ${word}  ${number}${rest}`,
    }[mode];
    return `${mode} Q${q.number}`;
  },
  'prompt-replaced'(lines, rng) {
    const q = pickQuestion(rng, lines);
    if (!q) return null;
    const body = textLines(lines, q).map((j) => lines[j]);
    const answer = body.length ? body : [words(rng, 120)];
    const keep = rng.chance(0.5);
    // The prompt (quoted lines under the heading) replaced by the answer, with or without the `Answer:` line.
    const from = q.heading + 1;
    const to = keep ? q.answer : q.end;
    const replacement = keep
      ? ['', `> ${answer[0]}`, ...answer.slice(1), '']
      : ['', `> ${answer.join('\n\n')}`, ''];
    lines.splice(from, to - from, ...replacement);
    return `Q${q.number}${keep ? ', Answer: kept' : ''}`;
  },
  'question-duplicated'(lines, rng) {
    const q = pickQuestion(rng, lines, false);
    if (!q) return null;
    lines.splice(q.end, 0, ...lines.slice(q.heading, q.end));
    return `Q${q.number}`;
  },
  'questions-swapped'(lines, rng) {
    const all = questions(lines);
    if (all.length < 2) return null;
    const i = rng.int(all.length - 1);
    const [a, b] = [all[i], all[i + 1]];
    if (a.end !== b.heading) return null;
    const first = lines.slice(a.heading, a.end);
    const second = lines.slice(b.heading, b.end);
    lines.splice(a.heading, b.end - a.heading, ...second, ...first);
    return `Q${a.number} and Q${b.number}`;
  },
  'question-renamed'(lines, rng) {
    const q = pickQuestion(rng, lines, false);
    if (!q) return null;
    const match = QUESTION.exec(lines[q.heading]);
    const [, hashes, space, word, gap, number, rest] = match;
    const mode = rng.pick(['number', 'words', 'words', 'colon', 'lowercase', 'level', 'nospace', 'short']);
    const n = Number(number);
    lines[q.heading] = {
      number: `${hashes}${space}${word}${gap}${rng.chance(0.5) ? n + 1 : Math.max(0, n - 1)}${rest}`,
      words: `${hashes}${space}${word}${gap}${number}${rest} (${words(rng, 1 + rng.int(4))})`,
      colon: `${hashes}${space}${word}${gap}${number}: ${words(rng, 3)}`,
      lowercase: `${hashes}${space}question${gap}${number}${rest}`,
      level: `${'#'.repeat(rng.pick([1, 2, 4, 5]))} ${word}${gap}${number}${rest}`,
      nospace: `${hashes}${word}${gap}${number}${rest}`,
      short: `${hashes} Q${number}`,
    }[mode];
    return `${mode} Q${q.number}`;
  },
  appendix(lines, rng) {
    const shape = rng.pick([
      ['## Appendix', '', words(rng, 30)],
      ['### References', '', '- [DVC](https://dvc.org)', '- [Hydra](https://hydra.cc)'],
      ['# Appendix A', '', words(rng, 20)],
      ['---', '', `Made by group ${1 + rng.int(99)}`],
      ['#### Extra figures', '', '![extra](figures/extra.png)'],
      ['', words(rng, 40)],
      ['## References', '', '### Papers', '', words(rng, 10)],
      ['<!-- appendix -->', '', '## Appendix', '', '![extra](figures/extra.png)'],
      ['### Appendix', '', '> Answer:', '', words(rng, 25)],
    ]);
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    lines.push('', ...shape, '');
    return shape[0] || 'text';
  },
  'front-matter-removed'(lines, rng) {
    if (lines[0] !== '---') {
      if (!rng.chance(0.5)) return null;
      lines.unshift('# Our exam report', '');
      return 'title added';
    }
    const close = lines.indexOf('---', 1);
    if (close === -1) return null;
    const mode = rng.pick(['removed', 'removed', 'title', 'shortened']);
    if (mode === 'removed') lines.splice(0, close + 1 + (lines[close + 1] === '' ? 1 : 0));
    else if (mode === 'title') lines.splice(0, close + 1, '# Exam report of group 7');
    else lines.splice(1, close - 1, 'layout: default');
    return mode;
  },
  'unicode-spaces'(lines, rng) {
    const q = pickQuestion(rng, lines);
    const text = q ? textLines(lines, q) : [];
    if (!text.length) return null;
    const kind = rng.pick(['nbsp', 'zwsp', 'zwsp-join', 'tabs', 'narrow', 'ideographic']);
    const char = {
      nbsp: '\u00a0',
      zwsp: ' \u200b',
      'zwsp-join': '\u200b',
      tabs: '\t',
      narrow: '\u202f',
      ideographic: '\u3000',
    }[kind];
    const every = 1 + rng.int(4);
    for (const j of text) {
      let i = 0;
      lines[j] = lines[j].replace(/ /g, (space) => (i++ % every === 0 ? char : space));
    }
    return `${kind} in Q${q.number}`;
  },
  'hidden-image'(lines, rng) {
    const q = pickQuestion(rng, lines);
    if (!q) return null;
    const img = `![${rng.pick(['shot', 'wandb', 'my_image'])}](figures/${rng.pick(['a', 'bucket', 'b'])}.png)`;
    const shape = rng.pick([
      'fenced',
      'indented',
      'inline',
      'comment',
      'comment-block',
      'plain',
      'html-img',
      'two',
      'tilde',
      'quoted',
      'reference',
      'details',
    ]);
    const insert = {
      fenced: ['', '```markdown', img, '```', ''],
      indented: ['', `    ${img}`, ''],
      inline: [`The image syntax is \`${img}\` in markdown.`],
      comment: [`<!-- ${img} -->`],
      'comment-block': ['', '<!--', img, img, '-->', ''],
      plain: ['', img, ''],
      'html-img': ['', '<img src="figures/a.png" width="400">', ''],
      two: ['', `${img} ${img}`, ''],
      tilde: ['', '~~~', img, '~~~', ''],
      quoted: ['', `> ${img}`, ''],
      reference: ['', `![${img.length}][ref]`, '', '[ref]: figures/a.png', ''],
      details: ['', '<details>', '', img, '', '</details>', ''],
    }[shape];
    lines.splice(answerSpot(rng, q), 0, ...insert);
    return `${shape} in Q${q.number}`;
  },
  'answer-grown'(lines, rng) {
    const q = pickQuestion(rng, lines);
    if (!q) return null;
    const count = rng.pick([1, 5, 20, 50, 100, 150, 250]);
    lines.splice(q.end, 0, '', words(rng, count), '');
    return `${count} words to Q${q.number}`;
  },
  'answer-cut'(lines, rng) {
    const q = pickQuestion(rng, lines);
    const text = q ? textLines(lines, q) : [];
    if (!text.length) return null;
    const all = text
      .map((j) => lines[j])
      .join(' ')
      .split(/\s+/)
      .filter(Boolean);
    const keep = rng.int(all.length + 1);
    lines.splice(q.bodyStart, q.end - q.bodyStart, '', all.slice(0, keep).join(' '), '');
    return `Q${q.number} to ${keep} words`;
  },
  'answer-emptied'(lines, rng) {
    const q = pickQuestion(rng, lines);
    if (!q) return null;
    const placeholder = rng.chance(0.5);
    lines.splice(
      q.bodyStart,
      q.end - q.bodyStart,
      '',
      placeholder ? `--- question ${q.number} fill here ---` : '',
      '',
    );
    return `Q${q.number}${placeholder ? ' (placeholder back)' : ''}`;
  },
  markers(lines, rng) {
    const q = pickQuestion(rng, lines);
    const text = q ? textLines(lines, q) : [];
    if (!text.length) return null;
    const mode = rng.pick(['wrap', 'placeholder-kept', 'lines']);
    const first = text[0];
    const last = text[text.length - 1];
    if (mode === 'wrap') {
      lines[first] = `--- ${lines[first]}`;
      lines[last] = `${lines[last]} ---`;
    } else if (mode === 'placeholder-kept')
      lines.splice(first, 0, `--- question ${q.number} fill here ---`, '');
    else {
      lines.splice(first, 0, '---');
      lines.splice(last + 2, 0, '---');
    }
    return `${mode} in Q${q.number}`;
  },
  setext(lines, rng) {
    const q = pickQuestion(rng, lines);
    const text = q ? textLines(lines, q) : [];
    if (!text.length) return null;
    const at = rng.pick(text);
    lines.splice(at + 1, 0, rng.pick(['---', '===', '-----']));
    return `under line ${at + 1} in Q${q.number}`;
  },
};

/** Whole-text operations, applied after the line operations. */
const FINISHES = {
  crlf: (text) => text.replace(/\n/g, '\r\n'),
  bom: (text) => `\ufeff${text}`,
  'trailing-newline-removed': (text) => text.replace(/\n+$/, ''),
  'lone-cr': (text) => text.replace(/\n/g, '\r'),
};

const WEIGHTS = {
  'heading-in-answer': 5,
  'answer-deleted': 3,
  'answer-inlined': 3,
  'answer-in-text': 2,
  'answer-repeated': 2,
  'heading-spacing': 2,
  'prompt-replaced': 3,
  'question-duplicated': 2,
  'questions-swapped': 2,
  'question-renamed': 4,
  appendix: 3,
  'front-matter-removed': 2,
  'unicode-spaces': 3,
  'hidden-image': 4,
  'answer-grown': 4,
  'answer-cut': 4,
  'answer-emptied': 2,
  markers: 2,
  setext: 1,
};
const WEIGHTED = Object.entries(WEIGHTS).flatMap(([name, weight]) => Array(weight).fill(name));

/** A plan: which source, a seed, 1–3 operation names, and an optional whole-text finish. */
export function planEdit(seed, sourceCount) {
  const rng = random(seed);
  const count = 1 + (rng.chance(0.5) ? 0 : rng.chance(0.6) ? 1 : 2);
  return {
    seed,
    source: rng.int(sourceCount),
    operations: Array.from({ length: count }, () => rng.pick(WEIGHTED)),
    finish: rng.chance(0.15) ? rng.pick(Object.keys(FINISHES)) : null,
    strict: rng.chance(0.3),
  };
}

/** Applies a plan to a text; returns the edited text and what each operation did. */
export function applyEdit(text, plan) {
  const rng = random(plan.seed ^ 0x9e3779b9);
  const crlf = text.includes('\r\n');
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const done = [];
  for (const name of plan.operations) {
    const label = OPERATIONS[name](lines, rng);
    done.push(label === null ? `${name}: not applicable` : `${name}: ${label}`);
  }
  let edited = lines.join('\n');
  if (crlf) edited = edited.replace(/\n/g, '\r\n');
  if (plan.finish) {
    edited = FINISHES[plan.finish](edited.replace(/\r\n/g, '\n'));
    if (crlf && plan.finish !== 'crlf') edited = edited.replace(/\n/g, '\r\n');
    done.push(plan.finish);
  }
  return { text: edited, done };
}
