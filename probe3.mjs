import {unified} from 'unified'; import remarkParse from 'remark-parse'; import remarkGfm from 'remark-gfm'; import fs from 'node:fs';
const p = unified().use(remarkParse).use(remarkGfm);
const tpl = fs.readFileSync('../shared/templates/implementation-plan.md','utf8');
for (let i=0;i<20;i++) p.parse(tpl);
const cases = {
 tplwarm: tpl,
 stars: '* '.repeat(8000)+'a',
 brackets: '['.repeat(5000)+' text',
 brackets2: '[a '.repeat(5000),
 binary: fs.readFileSync(process.execPath).subarray(0,100000).toString('utf8'),
 gt: '> '.repeat(8000)+'a',
 backticks: '`'.repeat(20000),
 emph: '*a '.repeat(20000),
 links: '[a]('.repeat(10000),
 corpus29: fs.readFileSync('../shared/corpus/real/29-soulspot-development-roadmap-archived.md','utf8'),
};
const name = process.argv[2]; const s = cases[name];
const a=performance.now(); p.parse(s); console.log(name, s.length, (performance.now()-a).toFixed(1)+'ms');
