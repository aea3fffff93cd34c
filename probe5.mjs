import {unified} from 'unified'; import remarkParse from 'remark-parse'; import remarkGfm from 'remark-gfm';
const p = unified().use(remarkParse).use(remarkGfm);
for (const n of [50,100,200,400,800]) for (const [k,u] of [['* ','*'],['> ','>'],['1. ','1.'],['- [ ] ','task']]) { const s=u==='task'?'- [ ] '.repeat(n)+'a':k.repeat(n)+'a'; const a=performance.now(); try{p.parse(s)}catch(e){console.log('ERR',e.message)} console.log(u,n,(performance.now()-a).toFixed(1)); }
