import type { TFunction } from 'i18next';
import type { Formatters } from '../../i18n/format.ts';
import type { TemplateIssue } from '../../lib/followups.ts';

/**
 * Why Liquid cannot use a template, in the admin's language, from the server's code and params (the field, the
 * tag, filter or limit, and Liquid's own technical message, quoted as it is).
 */
export function templateIssueText(t: TFunction<'followups'>, format: Formatters, issue: Pick<TemplateIssue, 'error' | 'field' | 'params'>): string {
  const params = issue.params ?? {};
  const fieldName = t(`templateFields.${issue.field ?? 'body'}`);
  const text = (value: unknown) => (value === undefined ? '' : String(value));
  switch (issue.error) {
    case 'template_tag_forbidden':
      return t(params.kind === 'loads-file' ? 'errors.template_tag_loads_file' : 'errors.template_tag_forbidden', { fieldName, tag: text(params.tag) });
    case 'template_filter_forbidden':
      return t('errors.template_filter_forbidden', { fieldName, filter: text(params.filter) });
    case 'template_too_costly': {
      const limit = text(params.limit) as 'parse length' | 'render steps' | 'render time' | 'memory' | 'output length';
      const max = typeof params.max === 'number' ? format.number(params.max) : '';
      return t('errors.template_too_costly', { fieldName, limitText: t(`limits.${limit}`, { max }) });
    }
    case 'template_render_error':
      return t('errors.template_render_error', { fieldName, liquid: text(params.liquid) });
    default:
      return t('errors.template_invalid', { fieldName, liquid: text(params.liquid) });
  }
}

/** Whether an API error is one of the template's own problems (worded by templateIssueText). */
export const isTemplateProblem = (code: string) => code.startsWith('template_');
