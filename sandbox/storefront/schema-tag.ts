import { Tag, TypeGuards, type Liquid, type TagToken, type TopLevelToken } from 'liquidjs';

/** The setting shapes Tacto's blocks use, as Shopify's `{% schema %}` declares them. */
export interface SchemaSetting {
  id?: string;
  type: string;
  default?: unknown;
}

export interface BlockSchema {
  name: string;
  target?: string;
  settings?: SchemaSetting[];
  enabled_on?: { templates?: string[] };
}

/**
 * `{% schema %}…{% endschema %}`: Shopify reads the JSON to build the theme editor and outputs nothing on the
 * storefront. The sandbox does the same and keeps the JSON so it can fill `block.settings` with the defaults.
 */
export class SchemaTag extends Tag {
  readonly json: string;

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    const parts: string[] = [];
    for (let next = remainTokens.shift(); next; next = remainTokens.shift()) {
      if (TypeGuards.isTagToken(next) && next.name === 'endschema') {
        this.json = parts.join('');
        return;
      }
      parts.push(next.getText());
    }
    throw new Error(`tag ${token.getText()} not closed`);
  }

  get schema(): BlockSchema {
    return JSON.parse(this.json) as BlockSchema;
  }

  render(): void {}
}
