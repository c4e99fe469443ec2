// Builds the elements `src/view/nodes.rs` describes and puts them in `container` in place of
// what it held: one call across the wasm boundary for a whole banner or timeline page.
// Feed text only reaches `setAttribute` values and text nodes; tag and attribute names come
// from the crate's own code. An `svg` and everything in it are made in the SVG namespace (the
// charts); `class` is set as an attribute, which both kinds of element take.
const SVG = "http://www.w3.org/2000/svg";
export function buildNodes(container, ops, text) {
  const strings = text.split("\0");
  const root = document.createDocumentFragment();
  const parents = [];
  let node = root, s = 0;
  for (const op of ops) {
    if (op === 0) {
      const tag = strings[s++];
      const e = tag === "svg" || node.namespaceURI === SVG
        ? document.createElementNS(SVG, tag) : document.createElement(tag);
      const c = strings[s++];
      if (c) e.setAttribute("class", c);
      node.append(e);
      parents.push(node);
      node = e;
    } else if (op === 1) node.setAttribute(strings[s++], strings[s++]);
    else if (op === 2) node.append(strings[s++]);
    else node = parents.pop();
  }
  container.replaceChildren(root);
}
