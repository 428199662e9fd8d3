/**
 * Pasting into a Markdown body (Strapi's richtext editor, CodeMirror 5) keeps what Word/WPS pasted: without this the
 * editor takes the clipboard's plain text, and tables, numbering and bold are lost. A capture listener sees the paste
 * before CodeMirror; Strapi's editor then saves the inserted Markdown through its own change handler.
 */
import { hasStructure, htmlToMarkdown } from './html-to-markdown';

type CodeMirrorHost = HTMLElement & { CodeMirror?: { replaceSelection: (text: string) => void; focus: () => void } };

export function installPasteConverter(doc: Document = document) {
  doc.addEventListener(
    'paste',
    (event: ClipboardEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      const host = target?.closest<CodeMirrorHost>('.CodeMirror');
      const editor = host?.CodeMirror;
      const html = event.clipboardData?.getData('text/html') ?? '';
      if (!editor || !html || !hasStructure(html)) return;
      const markdown = htmlToMarkdown(html);
      if (!markdown) return;
      event.preventDefault();
      event.stopPropagation();
      editor.replaceSelection(markdown);
      editor.focus();
    },
    true,
  );
}
