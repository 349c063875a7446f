import { Badge, Banner, BlockStack, Card, Checkbox, ChoiceList, FormLayout, InlineStack, Select, Text, TextField } from '@shopify/polaris';
import { endForInput, endFromInput, LOCALE_OPTIONS, WEEKDAYS, type FlowSettings, type FollowupLocale } from '../../lib/followups.ts';

export interface FlowSettingsCardProps {
  settings: FlowSettings;
  /** Whether the saved flow is on (the checkbox is the draft). */
  savedEnabled: boolean;
  locale: FollowupLocale;
  onChange(settings: FlowSettings): void;
  onLocaleChange(locale: FollowupLocale): void;
  /**
   * The server's refusals per setting ('enabled', 'delayDays', 'sendWindow.end'…), and '' for the rest, from
   * the last save.
   */
  errors: Record<string, string>;
  /** Why turning on cannot work yet, said before the merchant tries (null when nothing stands in the way). */
  enableHint: string | null;
}

/** A whole number typed in a field; NaN while the field is empty (the server then says what it needs). */
const wholeNumber = (value: string) => (value.trim() === '' ? Number.NaN : Math.trunc(Number(value)));
const shown = (value: number) => (Number.isFinite(value) ? String(value) : '');

/** When follow-ups go out and how often: on/off, delay, frequency cap, send window, days to avoid, language. */
export function FlowSettingsCard({ settings, savedEnabled, locale, onChange, onLocaleChange, errors, enableHint }: FlowSettingsCardProps) {
  const set = <K extends keyof FlowSettings>(key: K, value: FlowSettings[K]) => onChange({ ...settings, [key]: value });
  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h2" variant="headingMd">
            When follow-ups go out
          </Text>
          {savedEnabled ? <Badge tone="success">On</Badge> : <Badge>Off</Badge>}
        </InlineStack>
        {errors[''] && <Banner tone="critical">{errors['']}</Banner>}
        <Checkbox
          label="Send follow-ups"
          checked={settings.enabled}
          onChange={(checked) => set('enabled', checked)}
          helpText={enableHint ?? 'One email after a fulfilled order, to buyers subscribed to your emails. Takes effect when you save.'}
          error={errors.enabled}
        />
        <FormLayout>
          <FormLayout.Group>
            <TextField
              label="Days after fulfillment"
              type="number"
              min={0}
              max={60}
              value={shown(settings.delayDays)}
              onChange={(value) => set('delayDays', wholeNumber(value))}
              autoComplete="off"
              helpText="Time to receive and try the order."
              error={errors.delayDays}
            />
            <Select label="Template language" options={LOCALE_OPTIONS} value={locale} onChange={(value) => onLocaleChange(value as FollowupLocale)} helpText="Write your note in it: the guide and the words Tacto adds around the note follow it." />
          </FormLayout.Group>
          <FormLayout.Group>
            <TextField
              label="At most this many emails per customer"
              type="number"
              min={1}
              max={10}
              value={shown(settings.capCount)}
              onChange={(value) => set('capCount', wholeNumber(value))}
              autoComplete="off"
              error={errors.capCount}
            />
            <TextField
              label="In any period of (days)"
              type="number"
              min={1}
              max={365}
              value={shown(settings.capDays)}
              onChange={(value) => set('capDays', wholeNumber(value))}
              autoComplete="off"
              error={errors.capDays}
            />
          </FormLayout.Group>
          <FormLayout.Group>
            <TextField
              label="Send from"
              type="time"
              value={settings.sendWindow.start}
              onChange={(value) => set('sendWindow', { ...settings.sendWindow, start: value })}
              autoComplete="off"
              helpText="In the buyer’s time zone, or your store’s when theirs is unknown."
              error={errors['sendWindow.start']}
            />
            <TextField
              label="Send until"
              type="time"
              value={endForInput(settings.sendWindow.end)}
              onChange={(value) => set('sendWindow', { ...settings.sendWindow, end: endFromInput(value) })}
              autoComplete="off"
              helpText="00:00 means until midnight."
              error={errors['sendWindow.end'] ?? errors.sendWindow}
            />
          </FormLayout.Group>
        </FormLayout>
        <ChoiceList
          title="Days to avoid"
          allowMultiple
          choices={WEEKDAYS.map((label, day) => ({ label, value: String(day) }))}
          selected={settings.avoidDays.map(String)}
          onChange={(selected) => set('avoidDays', selected.map(Number).sort((a, b) => a - b))}
          error={errors.avoidDays}
        />
      </BlockStack>
    </Card>
  );
}
