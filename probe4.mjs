import {unified} from 'unified'; import remarkParse from 'remark-parse'; import remarkGfm from 'remark-gfm'; import fs from 'node:fs';
const p = unified().use(remarkParse).use(remarkGfm);
const tpl = fs.readFileSync('../shared/templates/implementation-plan.md','utf8');
for (let r=0;r<10;r++){ const a=performance.now(); for(let i=0;i<10;i++) p.parse(tpl); console.log(((performance.now()-a)/10).toFixed(2)); }
