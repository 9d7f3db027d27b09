import { extname } from 'node:path';
import mammoth from 'mammoth';
import { parse } from 'node-html-parser';
import { ImportError } from './errors';

/**
 * One paragraph of the article as the file has it. `level` is set where the file itself marks a
 * heading (a Word heading style, a Markdown #): 1 for the article's title, 2 and below for achievements.
 */
export interface Block {
  text: string;
  level?: number;
}

/** The article's paragraphs, from a .docx, .txt or .md file's bytes. */
export async function readArticle(file: string, bytes: Uint8Array): Promise<Block[]> {
  const ext = extname(file).toLowerCase();
  if (!['.docx', '.txt', '.md', '.markdown'].includes(ext)) {
    throw new ImportError(`${file}：只能导入 Word 文档（.docx）、纯文本（.txt）或 Markdown（.md），不认识“${ext || '无扩展名'}”`);
  }
  if (!bytes.length) throw new ImportError(`${file}：文件是空的`);
  const blocks = ext === '.docx' ? await docxBlocks(file, bytes) : textBlocks(decodeText(file, bytes), ext !== '.txt');
  if (!blocks.length) throw new ImportError(`${file}：文件中没有文字`);
  return blocks;
}

/**
 * The text of a plain-text file: UTF-8 (with or without a byte-order mark), UTF-16 with its mark, or
 * GB18030 (which includes GBK and GB2312), the encodings Chinese newsrooms' files come in.
 */
export function decodeText(file: string, bytes: Uint8Array): string {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return strict(file, 'utf-8', bytes.subarray(3));
  if (a === 0xff && b === 0xfe) return strict(file, 'utf-16le', bytes.subarray(2));
  if (a === 0xfe && b === 0xff) return strict(file, 'utf-16be', bytes.subarray(2));
  if (bytes.includes(0)) throw new ImportError(`${file}：不是文本文件（含有二进制内容）。Word 文档请另存为 .docx 再导入`);
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return check(file, new TextDecoder(encoding, { fatal: true }).decode(bytes));
    } catch (error) {
      if (error instanceof ImportError) throw error;
    }
  }
  throw new ImportError(`${file}：无法识别文件的编码（既不是 UTF-8，也不是 GB18030/GBK）`);
}

function strict(file: string, encoding: string, bytes: Uint8Array): string {
  try {
    return check(file, new TextDecoder(encoding, { fatal: true }).decode(bytes));
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(`${file}：文件开头标明是 ${encoding.toUpperCase()}，内容却不是：文件已损坏`);
  }
}

/** Control characters other than line breaks and tabs mean the bytes were never text. */
function check(file: string, text: string): string {
  if (/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text)) throw new ImportError(`${file}：不是文本文件（含有控制字符）`);
  return text;
}

/** One block per line with text; Markdown's # marks headings and its emphasis marks are dropped. */
function textBlocks(text: string, markdown: boolean): Block[] {
  return text
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      if (!markdown) return { text: line };
      const heading = /^(#{1,6})\s+(.*?)\s*#*$/.exec(line);
      const plain = (s: string) => s.replace(/\*\*|__/g, '').replace(/^>\s*/, '').trim();
      return heading ? { text: plain(heading[2]!), level: heading[1]!.length } : { text: plain(line) };
    })
    .filter((block) => block.text);
}

async function docxBlocks(file: string, bytes: Uint8Array): Promise<Block[]> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new ImportError(`${file}：不是有效的 Word 文档（.docx）：文件已损坏，或是旧的 .doc 格式（请在 Word 中另存为 .docx）`);
  let html: string;
  try {
    // Word's Title style is the article's title; mammoth maps headings 1–6 itself.
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: ["p[style-name='Title'] => h1:fresh"] }));
  } catch (error) {
    throw new ImportError(`${file}：无法读取这个 Word 文档（${error instanceof Error ? error.message : String(error)}）`);
  }
  const blocks = parse(html)
    .querySelectorAll('h1, h2, h3, h4, h5, h6, p, li')
    .map((element): Block => {
      const text = element.text.replace(/\s+/g, (space) => (space.includes('\u3000') ? '\u3000' : ' ')).trim();
      const heading = /^h(\d)$/i.exec(element.tagName);
      return heading ? { text, level: Number(heading[1]) } : { text };
    })
    .filter((block) => block.text);
  if (!blocks.length) throw new ImportError(`${file}：Word 文档中没有文字（可能只有图片或表格）`);
  return blocks;
}
