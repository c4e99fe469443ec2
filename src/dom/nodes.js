// Builds the elements `src/view/nodes.rs` describes and puts them in `container` in place of
// what it held: one call across the wasm boundary for a whole banner or timeline page.
// Feed text only reaches `setAttribute` values and text nodes; tag and attribute names come
// from the crate's own code.
export function buildNodes(container, ops, text) {
  const strings = text.split("\0");
  const root = document.createDocumentFragment();
  const parents = [];
  let node = root, s = 0;
  for (const op of ops) {
    if (op === 0) {
      const e = document.createElement(strings[s++]);
      const c = strings[s++];
      if (c) e.className = c;
      node.append(e);
      parents.push(node);
      node = e;
    } else if (op === 1) node.setAttribute(strings[s++], strings[s++]);
    else if (op === 2) node.append(strings[s++]);
    else node = parents.pop();
  }
  container.replaceChildren(root);
}
