/** Dense indices for product ids, so the model's arrays stay compact whatever Shopify's ids look like. */
export class ItemIndex {
  private readonly indices = new Map<number, number>();
  readonly ids: number[] = [];

  get size(): number {
    return this.ids.length;
  }

  /** The product's index, adding it when new. */
  intern(productId: number): number {
    let index = this.indices.get(productId);
    if (index === undefined) {
      index = this.ids.length;
      this.indices.set(productId, index);
      this.ids.push(productId);
    }
    return index;
  }

  find(productId: number): number | undefined {
    return this.indices.get(productId);
  }

  idOf(index: number): number {
    return this.ids[index]!;
  }
}
