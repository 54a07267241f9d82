import type { ViewerData } from '../graphData.ts';
import { escapeXml } from '../text.ts';
import { viewerBundle } from './bundle.ts';

const STYLE = `
*{box-sizing:border-box}html,body{margin:0;height:100%;font:13px/1.4 Helvetica,Arial,sans-serif;color:#1f2933}
body{display:flex;flex-direction:column}
header{display:flex;gap:16px;align-items:center;padding:8px 14px;border-bottom:1px solid #d8dde6;background:#f7f8fa;flex-wrap:wrap}
header h1{font-size:15px;margin:0}#subtitle{color:#52606d}#counts{font-weight:bold;margin-left:auto}
#search{width:260px;padding:4px 6px}#search-result{color:#9b30d9;min-width:90px}
main{flex:1;display:flex;min-height:0}#stage{flex:1;position:relative;min-width:0}#graph{position:absolute;inset:0}
aside{width:380px;border-left:1px solid #d8dde6;overflow:auto;padding:10px 14px;background:#fff}
h3{font-size:14px;margin:8px 0 4px}h4{font-size:13px;margin:10px 0 4px}
table{border-collapse:collapse;width:100%;font:12px/1.3 Menlo,Consolas,monospace}td{border-bottom:1px solid #eef0f3;padding:1px 4px;vertical-align:top;word-break:break-all}
td:first-child{color:#52606d;width:45%}ol,ul{padding-left:22px;margin:4px 0}.step{cursor:pointer}.step:hover{text-decoration:underline}
.muted{color:#7b8794}.bad{color:#d62728;font-weight:bold}
.legend span{display:inline-block;width:10px;height:10px;border-radius:50%;margin:0 4px 0 10px;vertical-align:middle}
#notice{position:absolute;inset:40px;background:#fffbea;border:1px solid #e0b400;border-radius:6px;padding:20px;z-index:5;max-width:640px;height:fit-content}
#notice button{margin:8px 8px 0 0;padding:6px 10px}`;

/**
 * The self-contained viewer page: the data as embedded JSON, the bundled viewer code inline,
 * no external resource. `</` inside the JSON and the code is escaped so neither can close
 * its script element. Deterministic: the same data gives the same bytes.
 */
export async function viewerHtml(data: ViewerData): Promise<string> {
  const code = (await viewerBundle()).replace(/<\/(script)/gi, '<\\/$1');
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  const legend = [['ok', '#5b7db1'], ['initial', '#2ca02c'], ['violates an invariant', '#d62728'], ['trace', '#f28e2b'], ['search match', '#9b30d9']]
    .map(([name, colour]) => `<span style="background:${colour}"></span>${name}`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(data.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1 id="title"></h1><span id="subtitle"></span>
<input id="search" type="search" placeholder="search: field=value, R3.field=value, text, #12 (Enter)">
<span id="search-result"></span>
<span class="legend">${legend}</span>
<span id="counts"></span>
</header>
<main>
<div id="stage"><div id="graph"></div>
<div id="notice" hidden><h3>Large state graph</h3><p id="notice-text"></p>
<p id="notice-hint">Draw the states within <input id="notice-radius" type="number" min="0" max="20" value="2" style="width:4em"> steps of the counterexample instead?</p>
<button id="notice-around">Show the counterexample's neighbourhood</button><button id="notice-all">Draw everything anyway</button></div>
</div>
<aside><div id="details"><p class="muted">Click a state to see its fields.</p></div><div id="trace"></div></aside>
</main>
<script type="application/json" id="splitvote-data">${json}</script>
<script>${code}</script>
</body>
</html>
`;
}
