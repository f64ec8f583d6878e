/** Typed-array columns that grow while a file is read, so rows never become objects. */

type TypedArray = Float64Array | Int32Array;

export class ColumnBuilder<T extends TypedArray> {
  private data: T;
  length = 0;

  constructor(private readonly make: (size: number) => T) {
    this.data = make(1024);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = this.make(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** The values pushed, in a typed array of exactly that length. */
  finish(): T {
    return this.data.slice(0, this.length) as T;
  }
}

export const float64Builder = (): ColumnBuilder<Float64Array> => new ColumnBuilder((n) => new Float64Array(n));
export const int32Builder = (): ColumnBuilder<Int32Array> => new ColumnBuilder((n) => new Int32Array(n));

/** Dictionary encoding of text values: each distinct text gets the next code. */
export class TextDictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  code(text: string): number {
    let code = this.codes.get(text);
    if (code === undefined) {
      code = this.values.length;
      this.codes.set(text, code);
      this.values.push(text);
    }
    return code;
  }
}
