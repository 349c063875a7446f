import { Box, Button, ButtonGroup, DatePicker, InlineError, InlineStack, Popover, BlockStack, Text, type Range } from '@shopify/polaris';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRange } from '../../lib/analytics.ts';
import { dayOfPicked, lastDays, MAX_RANGE_DAYS, pickerDate, QUICK_RANGES, rangeLength, utcDay, type DayRange } from '../../lib/date-range.ts';

/** The picker shows two months: the range's last month on the right, so today's month is in view. */
function shownMonths(range: DayRange): { month: number; year: number } {
  const end = pickerDate(range.to);
  const first = new Date(end.getFullYear(), end.getMonth() - 1, 1);
  return { month: first.getMonth(), year: first.getFullYear() };
}

/**
 * The report's date range: quick choices (last 7, 30, 90 days) and a calendar in a popover. Days are UTC days,
 * as the API counts them; nothing after today can be picked.
 */
export function DateRangePicker({ range, onChange }: { range: DayRange; onChange: (range: DayRange) => void }) {
  const { t, i18n } = useTranslation('analytics');
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Range>({ start: pickerDate(range.from), end: pickerDate(range.to) });
  const [month, setMonth] = useState(() => shownMonths(range));
  const today = pickerDate(utcDay(new Date()));
  const draftRange: DayRange = { from: dayOfPicked(draft.start), to: dayOfPicked(draft.end) };
  const tooLong = rangeLength(draftRange) > MAX_RANGE_DAYS;

  const toggle = () => {
    if (!open) {
      setDraft({ start: pickerDate(range.from), end: pickerDate(range.to) });
      setMonth(shownMonths(range));
    }
    setOpen(!open);
  };
  const apply = () => {
    if (tooLong) return;
    setOpen(false);
    onChange(draftRange);
  };
  const quickActive = QUICK_RANGES.find((days) => {
    const quick = lastDays(days);
    return quick.from === range.from && quick.to === range.to;
  });

  return (
    <InlineStack gap="200" blockAlign="center" wrap>
      <Popover
        active={open}
        onClose={() => setOpen(false)}
        preferredAlignment="left"
        activator={
          <Button onClick={toggle} disclosure={open ? 'up' : 'down'} ariaExpanded={open}>
            {t('range.open', { range: formatRange(range, i18n.language) })}
          </Button>
        }
      >
        <Popover.Pane fixed>
          <Box padding="400">
            <BlockStack gap="300">
              <DatePicker
                month={month.month}
                year={month.year}
                onMonthChange={(m, y) => setMonth({ month: m, year: y })}
                selected={draft}
                onChange={setDraft}
                allowRange
                multiMonth
                disableDatesAfter={today}
              />
              <Text as="p" tone="subdued">
                {t('range.utc')}
              </Text>
              {tooLong && <InlineError message={t('range.tooLong', { count: MAX_RANGE_DAYS })} fieldID="analytics-range" />}
              <InlineStack gap="200" align="end">
                <Button onClick={() => setOpen(false)}>{t('range.cancel')}</Button>
                <Button variant="primary" onClick={apply} disabled={tooLong}>
                  {t('range.apply')}
                </Button>
              </InlineStack>
            </BlockStack>
          </Box>
        </Popover.Pane>
      </Popover>
      <div role="group" aria-label={t('range.quickGroup')}>
        <ButtonGroup variant="segmented">
          {QUICK_RANGES.map((days) => (
            <Button key={days} pressed={quickActive === days} onClick={() => onChange(lastDays(days))}>
              {t('range.quick', { count: days })}
            </Button>
          ))}
        </ButtonGroup>
      </div>
    </InlineStack>
  );
}
