/**
 * Thin adapter around pdf.js: everything the PDF says about its text, as plain data. Per text
 * item its position, size, font and marked content; per page its size; the outline (bookmarks)
 * with the page and height each entry points at; the roles of the tagged structure tree; the
 * document's own metadata. Turning this into lines and structure is pure (pdf-lines.ts,
 * pdf-structure.ts).
 */
import { InputError } from '../../core/errors.ts';
import type { PdfContent, PdfItem, PdfOutlineEntry, PdfPage } from './pdf-types.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocumentProxy = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
type PdfPageProxy = Awaited<ReturnType<PdfDocumentProxy['getPage']>>;

/**
 * pdf.js, loaded on the first PDF only. Its legacy build brings core-js, which replaces built-ins
 * such as JSON.stringify with slower wrappers for the whole process: loaded up front, it made
 * writing every document (PDF or not) about three times slower.
 */
function loadPdfJs(): Promise<PdfJs> {
  return import('pdfjs-dist/legacy/build/pdf.mjs');
}

export async function readPdfContent(bytes: Uint8Array, file: string): Promise<PdfContent> {
  const pdfjs = await loadPdfJs();
  let pdf: PdfDocumentProxy;
  try {
    // pdf.js may transfer (detach) the buffer it is given, and refuses a Node Buffer: pass a plain copy.
    pdf = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      verbosity: 0,
      isEvalSupported: false,
      useSystemFonts: false,
    }).promise;
  } catch (cause) {
    const name = cause instanceof Error ? cause.name : '';
    if (name === 'PasswordException') {
      throw new InputError(
        file,
        'is protected with a password, so its text cannot be read',
        'ask the publisher for an unprotected copy, or save it without a password and add that file instead',
        { cause },
      );
    }
    throw new InputError(
      file,
      `could not be read as a PDF (${cause instanceof Error ? cause.message : String(cause)})`,
      'the file is probably truncated or damaged: download it again, or export its text to a .txt file',
      { cause },
    );
  }
  try {
    const fontNames = new Map<string, string>();
    const pages: PdfPage[] = [];
    // Only a tagged ("marked") PDF has a structure tree worth asking each page for.
    const counter = { next: 0 };
    const marked = await pdf.getMarkInfo().then(
      (info) => info?.Marked === true,
      () => true,
    );
    for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
      const page = await pdf.getPage(pageNumber);
      pages.push(await readPage(page, pageNumber, fontNames, marked, counter));
      page.cleanup();
    }
    const info = await readInfo(pdf);
    const outline = await readOutline(pdf);
    const content: PdfContent = {
      pages,
      outline,
      info,
      tagged: pages.some((page) => page.items.some((item) => item.role !== null && item.role !== 'Artifact')),
    };
    if (!pages.some((page) => page.items.some((item) => item.str.trim() !== ''))) {
      throw new InputError(
        file,
        `has ${pdf.numPages} page(s) but no text layer (a scan?)`,
        'run OCR on it first (e.g. ocrmypdf) or add the OCR text as a .txt source',
      );
    }
    return content;
  } finally {
    await pdf.destroy();
  }
}

interface MarkedContentLike {
  type: string;
  id?: string | null;
  tag?: string | null;
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

async function readPage(
  page: PdfPageProxy,
  pageNumber: number,
  fontNames: Map<string, string>,
  marked: boolean,
  counter: { next: number },
): Promise<PdfPage> {
  const content = await page.getTextContent({ includeMarkedContent: true });
  const placements = marked ? await structurePlacements(page, counter) : new Map<string, Placement>();
  // Font names (and so weights) are only known to pdf.js's main thread once the page's operator
  // list has been built: ask for it only on pages that bring a font not seen before.
  const unseen = Object.keys(content.styles).filter((id) => !fontNames.has(id));
  if (unseen.length > 0) {
    await page.getOperatorList();
    for (const id of unseen) {
      let name = id;
      try {
        const font = page.commonObjs.get(id) as { name?: string } | undefined;
        if (font?.name) name = font.name.replace(/^[A-Z]{6}\+/u, '');
      } catch {
        // A font pdf.js could not load keeps its internal id: only its weight is unknown then.
      }
      fontNames.set(id, name);
    }
  }
  const items: PdfItem[] = [];
  const stack: MarkedContentLike[] = [];
  for (const raw of content.items as Array<TextItemLike | MarkedContentLike>) {
    if (!('str' in raw)) {
      if (raw.type === 'beginMarkedContent' || raw.type === 'beginMarkedContentProps') stack.push(raw);
      else if (raw.type === 'endMarkedContent') stack.pop();
      continue;
    }
    if (raw.str === '') continue;
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = raw.transform;
    const size = Math.hypot(c, d) || raw.height || Math.hypot(a, b);
    let role: string | null = null;
    let mcid: string | null = null;
    for (let i = stack.length - 1; i >= 0; i--) {
      const mark = stack[i]!;
      if (mark.tag === 'Artifact') {
        role = 'Artifact';
        break;
      }
      if (mcid === null && mark.id) mcid = mark.id;
    }
    const placement = role === null && mcid !== null ? placements.get(mcid) : undefined;
    if (placement) role = placement.role;
    const fontName = fontNames.get(raw.fontName) ?? raw.fontName;
    items.push({
      str: raw.str,
      x: round(e),
      y: round(f),
      width: round(raw.width),
      size: round(size),
      font: fontName,
      rotated: Math.abs(b) > Math.abs(a),
      role,
      mcid,
      row: placement?.row ?? null,
      cell: placement?.cell ?? null,
    });
  }
  const [x0 = 0, y0 = 0, x1 = 595, y1 = 842] = page.view;
  return { number: pageNumber, width: round(x1 - x0), height: round(y1 - y0), items };
}

/** Where a marked-content id sits in the structure tree: its role, and its table row and cell. */
interface Placement {
  role: string;
  row: number | null;
  cell: number | null;
}

/**
 * The role of each marked-content id in the structure tree (the nearest element that is not a
 * span), and its table row and cell.
 */
async function structurePlacements(page: PdfPageProxy, counter: { next: number }): Promise<Map<string, Placement>> {
  const placements = new Map<string, Placement>();
  let tree: unknown;
  try {
    tree = await page.getStructTree();
  } catch {
    return placements;
  }
  const INLINE = new Set(['Span', 'Link', 'Reference', 'Quote', 'Annot', 'NonStruct', 'Em', 'Strong', 'Code']);
  interface Context {
    roles: string[];
    row: number | null;
    cell: number | null;
  }
  const walk = (node: unknown, context: Context) => {
    if (!node || typeof node !== 'object') return;
    const element = node as { role?: string; type?: string; id?: string; children?: unknown[] };
    if (element.type === 'content' && element.id) {
      const own = [...context.roles].reverse().find((role) => !INLINE.has(role));
      // Context that changes what a heading tag means travels along: a heading inside a table or a
      // table of contents is a cell or an entry, not a heading of the document.
      const container = context.roles.find(
        (role) => role === 'Table' || role === 'TOC' || role === 'Note' || role === 'Figure',
      );
      if (own)
        placements.set(element.id, {
          role: container && container !== own ? `${container}/${own}` : own,
          row: context.row,
          cell: context.cell,
        });
      return;
    }
    const role = element.role && element.role !== 'Root' ? element.role : null;
    const next: Context = {
      roles: role ? [...context.roles, role] : context.roles,
      row: role === 'TR' ? counter.next++ : context.row,
      cell: role === 'TD' || role === 'TH' ? counter.next++ : context.cell,
    };
    for (const child of element.children ?? []) walk(child, next);
  };
  walk(tree, { roles: [], row: null, cell: null });
  return placements;
}

async function readInfo(pdf: PdfDocumentProxy): Promise<PdfContent['info']> {
  try {
    const { info } = await pdf.getMetadata();
    const record = info as Record<string, unknown>;
    const text = (key: string) =>
      typeof record[key] === 'string' && (record[key] as string).trim() !== '' ? (record[key] as string).trim() : null;
    return {
      title: text('Title'),
      author: text('Author'),
      subject: text('Subject'),
      keywords: text('Keywords'),
      creator: text('Creator'),
    };
  } catch {
    return { title: null, author: null, subject: null, keywords: null, creator: null };
  }
}

interface OutlineNodeLike {
  title: string;
  dest: string | unknown[] | null;
  items?: OutlineNodeLike[];
}

async function readOutline(pdf: PdfDocumentProxy): Promise<PdfOutlineEntry[]> {
  let roots: OutlineNodeLike[] | null;
  try {
    roots = (await pdf.getOutline()) as OutlineNodeLike[] | null;
  } catch {
    return [];
  }
  const entries: PdfOutlineEntry[] = [];
  const visit = async (nodes: OutlineNodeLike[], depth: number) => {
    for (const node of nodes) {
      const { page, y } = await resolveDestination(pdf, node.dest);
      entries.push({ title: node.title.replace(/\s+/gu, ' ').trim(), depth, page, y });
      if (node.items?.length) await visit(node.items, depth + 1);
    }
  };
  await visit(roots ?? [], 1);
  return entries;
}

async function resolveDestination(
  pdf: PdfDocumentProxy,
  dest: OutlineNodeLike['dest'],
): Promise<{ page: number | null; y: number | null }> {
  try {
    const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : dest;
    if (!Array.isArray(explicit) || explicit.length === 0) return { page: null, y: null };
    const target = explicit[0];
    const pageIndex =
      typeof target === 'number'
        ? target
        : await pdf.getPageIndex(target as Parameters<PdfDocumentProxy['getPageIndex']>[0]);
    const kind = (explicit[1] as { name?: string } | undefined)?.name;
    const y = kind === 'XYZ' ? explicit[3] : kind === 'FitH' || kind === 'FitBH' ? explicit[2] : null;
    return { page: pageIndex + 1, y: typeof y === 'number' ? round(y) : null };
  } catch {
    return { page: null, y: null };
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
