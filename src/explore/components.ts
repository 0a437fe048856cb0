import type { StateGraph } from './state-graph.js';

/**
 * The strongly connected components of a state graph, listed so that every component comes after
 * all the components it can reach (successors first): `order` holds state indexes component by
 * component, `componentStart[c] .. componentStart[c+1]` delimiting component `c`.
 */
export interface ComponentOrder {
  readonly order: Int32Array;
  readonly componentStart: Int32Array;
}

/**
 * Returns the components of the graph in successors-first order (Tarjan's algorithm, iterative so
 * that deep graphs cannot overflow the stack). Pure; O(states + transitions).
 */
export function getComponentOrder(graph: StateGraph): ComponentOrder {
  const n = graph.keys.length;
  const { edgeStart, edgeTargets } = graph;
  const indexOf = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  let stackTop = 0;
  const callState = new Int32Array(n);
  const callEdge = new Int32Array(n);
  let callTop: number;
  const order = new Int32Array(n);
  let orderLength = 0;
  const starts: number[] = [0];
  let counter = 0;

  for (let root = 0; root < n; root++) {
    if (indexOf[root] !== -1) continue;
    callState[0] = root;
    callEdge[0] = edgeStart[root] as number;
    callTop = 1;
    indexOf[root] = low[root] = counter++;
    stack[stackTop++] = root;
    onStack[root] = 1;
    while (callTop > 0) {
      const v = callState[callTop - 1] as number;
      const e = callEdge[callTop - 1] as number;
      if (e < (edgeStart[v + 1] as number)) {
        callEdge[callTop - 1] = e + 1;
        const w = edgeTargets[e] as number;
        if (indexOf[w] === -1) {
          indexOf[w] = low[w] = counter++;
          stack[stackTop++] = w;
          onStack[w] = 1;
          callState[callTop] = w;
          callEdge[callTop] = edgeStart[w] as number;
          callTop++;
        } else if (onStack[w]) {
          low[v] = Math.min(low[v] as number, indexOf[w] as number);
        }
        continue;
      }
      callTop--;
      if (callTop > 0) {
        const parent = callState[callTop - 1] as number;
        low[parent] = Math.min(low[parent] as number, low[v] as number);
      }
      if (low[v] === indexOf[v]) {
        let w: number;
        do {
          w = stack[--stackTop] as number;
          onStack[w] = 0;
          order[orderLength++] = w;
        } while (w !== v);
        starts.push(orderLength);
      }
    }
  }
  return { order, componentStart: Int32Array.from(starts) };
}
