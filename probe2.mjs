import {unified} from 'unified'; import remarkParse from 'remark-parse'; import remarkGfm from 'remark-gfm'; import fs from 'node:fs';
import {fromMarkdown} from 'mdast-util-from-markdown'; import {parse, postprocess, preprocess} from 'micromark';
import {gfm} from 'micromark-extension-gfm';
const tpl = fs.readFileSync('../shared/templates/implementation-plan.md','utf8');
const p = unified().use(remarkParse).use(remarkGfm);
const p0 = unified().use(remarkParse);
function t(name, f, s){ const a=performance.now(); f(s); console.log(name, s.length, (performance.now()-a).toFixed(1)+'ms'); }
for (const n of [1,4,16]) { const s = Array(n).fill(tpl).join('\n');
 t('gfm x'+n, x=>p.parse(x), s); t('plain x'+n, x=>p0.parse(x), s);
 t('micromark-only x'+n, x=>postprocess(parse({extensions:[gfm()]}).document().write(preprocess()(x,undefined,true))), s);
}
