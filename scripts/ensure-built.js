// The ES module face of ensure-built.cjs (bin/hotline.js, CommonJS, requires that file directly).
export { ensureBuilt, root, STAMP, sourceTree } from "./ensure-built.cjs";
