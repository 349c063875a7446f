import { Banner, BlockStack, Button, Card, InlineStack, SkeletonBodyText, Text } from '@shopify/polaris';
import type { CSSProperties } from 'react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text.ts';
import { useFormat } from '../../i18n/format.ts';
import { STORED_TABLES, tableText } from '../../../server/privacy/stored-tables.ts';
import { privacyApi, type TableCount } from '../../lib/privacy-api.ts';

const HEADINGS = ['table', 'holds', 'why', 'aboutShoppers', 'kept', 'rows'] as const;

const CELL: CSSProperties = { padding: '8px 6px', borderBottom: '1px solid var(--p-color-border)', textAlign: 'start', verticalAlign: 'top' };

const ORDER = Object.keys(STORED_TABLES);
const position = (table: string) => (ORDER.includes(table) ? ORDER.indexOf(table) : ORDER.length);

/**
 * Per table: what it holds, why, how long it is kept (codes in server/privacy/stored-tables.ts, words in
 * privacy.json) and its live row count.
 */
export function StoredTablesCard() {
  const { t, i18n } = useTranslation('privacy');
  const format = useFormat();
  const errorText = useErrorText('privacy');
  // Keys made from a table's code cannot be typed; every described table has its words (test/i18n parity).
  const translate = useCallback((key: string, params?: Record<string, unknown>) => String(i18n.t(key as never, params as never)), [i18n]);
  const [tables, setTables] = useState<{ rows: TableCount[]; at: Date } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setTables({ rows: await privacyApi.tables(), at: new Date() });
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setLoading(false);
    }
  }, [errorText]);
  useEffect(() => void load(), [load]);

  const sorted = [...(tables?.rows ?? [])].sort((a, b) => position(a.table) - position(b.table) || a.table.localeCompare(b.table));
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd" id="stored-tables-title">
            {t('stored.title')}
          </Text>
          <Button onClick={() => void load()} loading={loading}>
            {t('stored.refresh')}
          </Button>
        </InlineStack>
        <Text as="p" tone="subdued">
          {t('stored.intro')}
        </Text>
        {error && (
          <Banner tone="critical" title={t('stored.failed')}>
            <p>{error}</p>
          </Banner>
        )}
        {!tables ? (
          !error && <SkeletonBodyText lines={8} />
        ) : (
          <>
            {/* A plain table: Polaris' DataTable keeps every cell on one line, and these cells are sentences. */}
            <div style={{ overflowX: 'auto' }}>
              <table style={{ borderCollapse: 'collapse', width: '100%' }} aria-labelledby="stored-tables-title">
                <thead>
                  <tr>
                    {HEADINGS.map((heading) => (
                      <th key={heading} scope="col" style={{ ...CELL, textAlign: heading === 'rows' ? 'end' : 'start', fontWeight: 600 }}>
                        {t(`stored.${heading}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {sorted.map(({ table, rows }) => {
                    const about = tableText(table, translate);
                    return (
                      <tr key={table} data-table={table}>
                        <th scope="row" style={{ ...CELL, fontWeight: 400 }}>
                          <code>{table}</code>
                        </th>
                        <td style={CELL}>{about.holds}</td>
                        <td style={CELL}>{about.why}</td>
                        <td style={CELL}>{about.aboutShoppers ? t('stored.yes') : t('stored.no')}</td>
                        <td style={CELL}>{about.kept}</td>
                        <td style={{ ...CELL, textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{format.number(rows)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <Text as="p" tone="subdued">
              {t('stored.caption', { time: tables.at.toLocaleTimeString(format.locale) })}
            </Text>
          </>
        )}
      </BlockStack>
    </Card>
  );
}
