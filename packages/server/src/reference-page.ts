/**
 * The API reference page at /api/docs: rendered on the server from the OpenAPI document — no
 * script, no CDN (the machines have no internet).
 */

type Json = unknown;
interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; schema?: Json; description?: string }[];
  requestBody?: { content?: Record<string, { schema?: Json }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Json }> }>;
}
interface Document {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Json> };
}

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function schemaBlock(schema: Json): string {
  const ref = (schema as { $ref?: string } | undefined)?.$ref;
  if (ref) {
    const name = ref.split('/').pop() ?? ref;
    return `<a href="#schema-${esc(name)}">${esc(name)}</a>`;
  }
  return `<details><summary>结构</summary><pre>${esc(JSON.stringify(schema, null, 2))}</pre></details>`;
}

function operation(path: string, method: string, op: Operation): string {
  const params = (op.parameters ?? [])
    .map(
      (p) =>
        `<li><code>${esc(p.name)}</code> <small>${esc(p.in)}${p.required ? '，必填' : ''}</small>` +
        `${p.description ? ` — ${esc(p.description)}` : ''}</li>`,
    )
    .join('');
  const body = Object.entries(op.requestBody?.content ?? {})
    .map(([type, c]) => `<p>请求体 <code>${esc(type)}</code>：${schemaBlock(c.schema)}</p>`)
    .join('');
  const responses = Object.entries(op.responses ?? {})
    .map(([status, r]) => {
      const content = Object.values(r.content ?? {})[0];
      return `<li><b>${esc(status)}</b> ${esc(r.description ?? '')} ${content ? schemaBlock(content.schema) : ''}</li>`;
    })
    .join('');
  const lock =
    op.security && op.security.length > 0 ? ' <span class="lock" title="需登录">需登录</span>' : '';
  return `<section class="op" id="${esc(`${method}-${path}`)}">
<h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${esc(path)}</code>${lock}</h3>
<p>${esc(op.summary ?? '')}</p>${op.description ? `<p class="d">${esc(op.description)}</p>` : ''}
${params ? `<ul>${params}</ul>` : ''}${body}<ul>${responses}</ul></section>`;
}

/** The whole page for an OpenAPI 3.1 document. */
export function renderReferencePage(document: object): string {
  const doc = document as Document;
  const byTag = new Map<string, string[]>();
  const index: string[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? '其他';
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)?.push(operation(path, method, op));
      index.push(`<li><a href="#${esc(`${method}-${path}`)}">${method.toUpperCase()} ${esc(path)}</a></li>`);
    }
  }
  const sections = [...byTag].map(([tag, ops]) => `<h2>${esc(tag)}</h2>${ops.join('\n')}`).join('\n');
  const schemas = Object.entries(doc.components?.schemas ?? {})
    .map(
      ([name, s]) =>
        `<section id="schema-${esc(name)}"><h3>${esc(name)}</h3><pre>${esc(JSON.stringify(s, null, 2))}</pre></section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)} — 接口说明</title>
<style>
body{font:14px/1.6 system-ui,"Noto Sans SC","PingFang SC",sans-serif;margin:0;display:flex;color:#222}
nav{width:320px;height:100vh;overflow:auto;position:sticky;top:0;background:#f6f7f9;padding:12px;box-sizing:border-box;font-size:12px}
nav ul{list-style:none;padding:0}main{flex:1;padding:16px 32px;max-width:980px}
.op{border-top:1px solid #e3e3e3;padding:8px 0}.m{display:inline-block;min-width:56px;text-align:center;border-radius:4px;color:#fff;font-size:12px;padding:1px 4px}
.get{background:#2f7ed8}.post{background:#3c9a5f}.put{background:#c77c11}.patch{background:#8a5cc2}.delete{background:#c0392b}
.lock{font-size:11px;color:#a15c00;border:1px solid #e0b070;border-radius:3px;padding:0 4px}
pre{background:#f6f8fa;padding:8px;overflow:auto;font-size:12px}code{font-size:13px}.d{color:#555}
</style></head><body>
<nav><b>${esc(doc.info.title)}</b> <small>${esc(doc.info.version)}</small><p><a href="/api/openapi.json">openapi.json</a></p><ul>${index.join('')}</ul></nav>
<main><h1>${esc(doc.info.title)}</h1><p>${esc(doc.info.description ?? '')}</p>
${sections}
<h2>数据结构</h2>${schemas}
</main></body></html>`;
}
