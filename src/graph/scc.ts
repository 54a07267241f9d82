import type { Csr } from './csr.ts';

/**
 * Strongly connected components by Tarjan's algorithm, iteratively (an explicit stack, so
 * graphs millions of states deep do not overflow the call stack as the recursive
 * `graphology-components` does beyond ~10k depth). Only nodes with `include[v] === 1` and
 * edges between them take part. Returns the component id of each node (-1 when excluded).
 * Component ids are in reverse topological order of the condensation.
 */
export function stronglyConnected(csr: Csr, include: Uint8Array): Int32Array {
  const n = csr.nodes;
  const { offsets, targets } = csr;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  let stackTop = 0;
  let counter = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (include[root] !== 1 || index[root] >= 0) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = offsets[root];
    index[root] = low[root] = counter++;
    stack[stackTop++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth];
      const e = callEdge[depth];
      if (e < offsets[v + 1]) {
        callEdge[depth] = e + 1;
        const w = targets[e];
        if (include[w] !== 1) continue;
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack[stackTop++] = w;
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callEdge[depth] = offsets[w];
        } else if (onStack[w] === 1 && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      // v is finished: pop its component if it is a root, then return to the caller.
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--stackTop];
          onStack[w] = 0;
          component[w] = components;
        } while (w !== v);
        components++;
      }
      depth--;
      if (depth >= 0) {
        const caller = callNode[depth];
        if (low[v] < low[caller]) low[caller] = low[v];
      }
    }
  }
  return component;
}
