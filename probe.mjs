import {unified} from 'unified'; import remarkParse from 'remark-parse'; import remarkGfm from 'remark-gfm'; import fs from 'node:fs';
const tpl = fs.readFileSync('../shared/templates/implementation-plan.md','utf8');
const p = unified().use(remarkParse).use(remarkGfm);
function t(name, s){ const a=performance.now(); let ok='ok'; try{p.parse(s)}catch(e){ok=e.message.slice(0,80)} console.log(name, s.length, (performance.now()-a).toFixed(1)+'ms', ok); }
for (let i=0;i<5;i++) p.parse(tpl);
t('tpl', tpl);
let big=''; while(big.length<1e6) big+=tpl+'\n'; t('1MB', big);
let big5=''; while(big5.length<5e6) big5+=tpl+'\n'; t('5MB', big5);
t('stars', '* '.repeat(8000)+'a');
t('brackets', '['.repeat(5000)+' text');
t('brackets2', '[a '.repeat(5000));
t('binary', fs.readFileSync(process.execPath).subarray(0,200000).toString('utf8'));
t('gt', '> '.repeat(8000)+'a');
t('backticks', '`'.repeat(20000));
t('emph', '*a '.repeat(20000));
t('links', '[a]('.repeat(10000));
