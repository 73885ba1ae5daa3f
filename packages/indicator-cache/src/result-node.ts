/**
 * One level of the result cache: a tree whose path is (method, then each parameter in
 * declaration order) below one timeframe and side. Keys compare as Map keys (SameValueZero), so
 * 14 and 14.0 are one key, as are `null`, booleans and strings by value. The cached path costs one
 * Map lookup per key component and builds no string; each node also remembers its last child, so
 * repeating the previous call's key (the common case in a backtest loop) skips the Map.
 */
export class ResultNode {
  #children: Map<unknown, ResultNode> | undefined;
  #lastKey: unknown = undefined;
  #lastChild: ResultNode | undefined;
  /** The result stored at this path, `undefined` until computed. */
  value: unknown = undefined;

  /** The child for `key`, created on first use. */
  at(key: unknown): ResultNode {
    if (key === this.#lastKey && this.#lastChild !== undefined) return this.#lastChild;
    let children = this.#children;
    if (children === undefined) {
      children = new Map();
      this.#children = children;
    }
    let child = children.get(key);
    if (child === undefined) {
      child = new ResultNode();
      children.set(key, child);
    }
    this.#lastKey = key;
    this.#lastChild = child;
    return child;
  }

  /** The node below this one at the values of `keys`, in their property order. */
  path(keys: Readonly<Record<string, unknown>>): ResultNode {
    let node: ResultNode = this;
    for (const name in keys) node = node.at(keys[name]);
    return node;
  }
}
