// Whether words in the workbench are drawn whole where a person can read them: inside the box that
// clips them (a tree row's label, a view's title), not under the ellipsis that ends a cut text.
// Measured with a DOM Range over the words, whose right edge must not pass the clipping box's.
import type { Locator } from 'playwright-core';

// The parts of the DOM the measuring function uses (the DOM's types are not in this project's libs).
interface Box {
  right: number;
}
interface TextNodeLike {
  data: string;
}
interface RangeLike {
  setStart(node: TextNodeLike, offset: number): void;
  setEnd(node: TextNodeLike, offset: number): void;
  getBoundingClientRect(): Box;
}
interface DocumentLike {
  createTreeWalker(root: ElementLike, whatToShow: number): { nextNode(): unknown; currentNode: unknown };
  createRange(): RangeLike;
}
interface ElementLike {
  matches(selector: string): boolean;
  querySelector(selector: string): ElementLike | null;
  getBoundingClientRect(): Box;
  ownerDocument: DocumentLike;
}

/**
 * The words (each a substring of the element's text) that are cut or missing in `element`, clipped
 * by its closest ancestor-or-self matching `clip` (the element itself when none matches).
 */
export async function cutWords(element: Locator, words: string[], clip = '.monaco-icon-label-container'): Promise<string[]> {
  return element.evaluate(
    (root: ElementLike, { words, clip }: { words: string[]; clip: string }) => {
      const box = (root.matches(clip) ? root : root.querySelector(clip)) ?? root;
      const limit = box.getBoundingClientRect().right;
      const doc = root.ownerDocument;
      const texts: { node: TextNodeLike; start: number }[] = [];
      let all = '';
      const walker = doc.createTreeWalker(box, 4 /* NodeFilter.SHOW_TEXT */);
      while (walker.nextNode()) {
        // SHOW_TEXT: every node the walker stops at is a text node.
        const node = walker.currentNode as TextNodeLike;
        texts.push({ node, start: all.length });
        all += node.data;
      }
      const cut: string[] = [];
      for (const word of words) {
        const at = all.indexOf(word);
        if (at < 0) {
          cut.push(`${word} (not in "${all}")`);
          continue;
        }
        const last = at + word.length - 1; // the word's last character
        const holder = texts.filter((t) => t.start <= last).pop()!;
        const range = doc.createRange();
        range.setStart(holder.node, last - holder.start);
        range.setEnd(holder.node, last - holder.start + 1);
        const right = range.getBoundingClientRect().right;
        if (right > limit + 0.5) {cut.push(`${word} (ends at ${Math.round(right)} px, the box at ${Math.round(limit)} px)`);}
      }
      return cut;
    },
    { words, clip },
  );
}
