/**
 * Collects wire fields into a plain object. `name[]` and repeated names become arrays (as PHP
 * and Rails clients send them); a single value stays a string.
 */
export class FieldBag {
  // No prototype: a field named `__proto__` or `constructor` is just a field.
  readonly values: Record<string, unknown> = Object.create(null);

  add(rawName: string, value: string): void {
    const isList = rawName.endsWith('[]');
    const name = isList ? rawName.slice(0, -2) : rawName;
    const prev = this.values[name];
    if (prev === undefined) this.values[name] = isList ? [value] : value;
    else if (Array.isArray(prev)) prev.push(value);
    else this.values[name] = [prev, value];
  }

  addAll(entries: Iterable<[string, string]>): this {
    for (const [k, v] of entries) this.add(k, v);
    return this;
  }
}
