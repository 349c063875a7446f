import { Liquid } from 'liquidjs';

/** What a template may use. Anything else renders empty. */
export interface TemplateVariables {
  customer: { first_name: string };
  shop: { name: string };
  persona: { name: string; role: string };
  product: { title: string };
  guide: { title: string };
}

// Plain text in, plain text out: escaping for HTML happens once, in the layout.
const engine = new Liquid({ strictFilters: true, ownPropertyOnly: true, cache: 200 });

/** Liquid's error for a template that does not parse, as the admin shows it; null when it parses. */
export function templateError(text: string): string | null {
  try {
    engine.parse(text);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0]! : String(error);
  }
}

export function renderTemplate(text: string, variables: TemplateVariables): string {
  return engine.parseAndRenderSync(text, variables as unknown as Record<string, unknown>) as string;
}
