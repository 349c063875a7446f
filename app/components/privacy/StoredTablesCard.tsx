import { Banner, BlockStack, Button, Card, InlineStack, SkeletonBodyText, Text } from '@shopify/polaris';
import type { CSSProperties } from 'react';
import { useCallback, useEffect, useState } from 'react';
import { describeTable, STORED_TABLES } from '../../../server/privacy/stored-tables.ts';
import { privacyApi, type TableCount } from '../../lib/privacy-api.ts';

const TEXT = {
  title: 'What Tacto stores, and for how long',
  intro:
    'Every table Tacto keeps for your store, with the number of rows it holds right now. Nothing else is stored: no addresses, phone numbers, order notes, payment data, browsing on other sites or data from other companies.',
  headings: ['Table', 'What a row holds', 'Why', 'Can name a shopper', 'Kept', 'Rows'],
  refresh: 'Refresh counts',
  failed: 'Tacto could not count the rows',
  caption: (time: string) => `Counted at ${time}.`,
};

const CELL: CSSProperties = { padding: '8px 6px', borderBottom: '1px solid var(--p-color-border)', textAlign: 'start', verticalAlign: 'top' };

const ORDER = Object.keys(STORED_TABLES);
const position = (table: string) => (ORDER.includes(table) ? ORDER.indexOf(table) : ORDER.length);

/** Per table: what it holds, why, how long it is kept (server/privacy/stored-tables.ts) and its live row count. */
export function StoredTablesCard({ locale }: { locale: string }) {
  const [tables, setTables] = useState<{ rows: TableCount[]; at: Date } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setTables({ rows: await privacyApi.tables(), at: new Date() });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => void load(), [load]);

  const count = new Intl.NumberFormat(locale).format;
  const sorted = [...(tables?.rows ?? [])].sort((a, b) => position(a.table) - position(b.table) || a.table.localeCompare(b.table));
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd" id="stored-tables-title">
            {TEXT.title}
          </Text>
          <Button onClick={() => void load()} loading={loading}>
            {TEXT.refresh}
          </Button>
        </InlineStack>
        <Text as="p" tone="subdued">
          {TEXT.intro}
        </Text>
        {error && (
          <Banner tone="critical" title={TEXT.failed}>
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
                    {TEXT.headings.map((heading, index) => (
                      <th key={heading} scope="col" style={{ ...CELL, textAlign: index === 5 ? 'end' : 'start', fontWeight: 600 }}>
                        {heading}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {sorted.map(({ table, rows }) => {
                    const about = describeTable(table);
                    return (
                      <tr key={table} data-table={table}>
                        <th scope="row" style={{ ...CELL, fontWeight: 400 }}>
                          <code>{table}</code>
                        </th>
                        <td style={CELL}>{about.holds}</td>
                        <td style={CELL}>{about.why}</td>
                        <td style={CELL}>{about.aboutShoppers ? 'Yes' : 'No'}</td>
                        <td style={CELL}>{about.kept}</td>
                        <td style={{ ...CELL, textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{count(rows)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <Text as="p" tone="subdued">
              {TEXT.caption(tables.at.toLocaleTimeString(locale))}
            </Text>
          </>
        )}
      </BlockStack>
    </Card>
  );
}
