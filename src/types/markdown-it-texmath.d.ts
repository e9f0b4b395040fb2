declare module 'markdown-it-texmath' {
  import type { MarkdownIt } from 'markdown-it';
  export default function texmath(md: MarkdownIt, options?: { delimiters?: string | string[] }): void;
}
