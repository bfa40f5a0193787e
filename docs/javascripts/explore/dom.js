// Building the pages' elements: both browser pages make their controls and views in code.

/**
 * A new `tag` element with `attributes` set and `children` (nodes or text) inside.
 * @param {string} tag
 * @param {Object<string, string>} [attributes]
 * @param {...(Node|string)} children
 * @returns {HTMLElement}
 */
export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}
