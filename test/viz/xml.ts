/**
 * A small XML well-formedness check for the SVG outputs (no XML parser among the
 * dependencies): one root element, every start tag closed in order, attributes quoted and
 * unique, no `<` or bare `&` in text or attribute values, comments, processing
 * instructions, a DOCTYPE and CDATA sections skipped. Returns the problems found (empty
 * when well-formed) and the text content of every `<text>` element, unescaped.
 */
export function checkXml(xml: string): { problems: string[]; texts: string[]; root: string | undefined } {
  const problems: string[] = [];
  const texts: string[] = [];
  const stack: string[] = [];
  let root: string | undefined;
  let rootClosed = false;
  const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>|<!\[CDATA\[[\s\S]*?\]\]>|<\/?[^>]*>|[^<]+/g;
  const ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  let textOf: string | undefined;
  for (const [token] of xml.matchAll(TOKEN)) {
    if (token.startsWith('<!--') || token.startsWith('<?') || token.startsWith('<!DOCTYPE') || token.startsWith('<![CDATA[')) continue;
    if (!token.startsWith('<')) {
      if (ENTITY.test(token)) problems.push(`bare & in text: ${token.slice(0, 40)}`);
      if (stack.length === 0 && token.trim() !== '') problems.push(`text outside the root: ${token.slice(0, 40)}`);
      if (textOf !== undefined) textOf += token;
      continue;
    }
    const end = /^<\/([A-Za-z_][\w:.-]*)\s*>$/.exec(token);
    if (end !== null) {
      const open = stack.pop();
      if (open !== end[1]) problems.push(`</${end[1]}> closes <${open ?? 'nothing'}>`);
      if (end[1] === 'text' && textOf !== undefined) {
        texts.push(unescape(textOf));
        textOf = undefined;
      }
      if (stack.length === 0) rootClosed = true;
      continue;
    }
    const start = /^<([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>$/.exec(token);
    if (start === null) {
      problems.push(`malformed tag: ${token.slice(0, 60)}`);
      continue;
    }
    const names = [...start[2].matchAll(/([A-Za-z_][\w:.-]*)\s*=/g)].map((m) => m[1]);
    if (new Set(names).size !== names.length) problems.push(`repeated attribute in ${token.slice(0, 60)}`);
    if (ENTITY.test(start[2])) problems.push(`bare & in attribute: ${token.slice(0, 60)}`);
    if (stack.length === 0) {
      if (root !== undefined || rootClosed) problems.push(`second root element <${start[1]}>`);
      root = start[1];
    }
    if (start[3] === '/') {
      if (stack.length === 0) rootClosed = true;
      continue;
    }
    stack.push(start[1]);
    if (start[1] === 'text') textOf = '';
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(' > ')}`);
  if (root === undefined) problems.push('no root element');
  return { problems, texts, root };
}

function unescape(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}
