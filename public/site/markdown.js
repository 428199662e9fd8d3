// The site's Markdown renderer: markdown-it and DOMPurify, browser builds served from the installed packages by
// src/middlewares/site-vendor.ts. Every rich-text body on the site is rendered through this module.
import MarkdownIt from './vendor/markdown-it.mjs';
import DOMPurify from './vendor/purify.mjs';
import { createMarkdown } from './markdown-core.js';

export const { renderMarkdown, sanitizeNarrative } = createMarkdown({ MarkdownIt, DOMPurify });
