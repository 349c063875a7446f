import { Badge, Banner, BlockStack, Card, Checkbox, ChoiceList, FormLayout, InlineStack, Text, TextField } from '@shopify/polaris';
import { useTranslation } from 'react-i18next';
import { endForInput, endFromInput, WEEKDAYS, type FlowSettings } from '../../lib/followups.ts';

export interface FlowSettingsCardProps {
  settings: FlowSettings;
  /** Whether the saved flow is on (the checkbox is the draft). */
  savedEnabled: boolean;
  onChange(settings: FlowSettings): void;
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

/** When follow-ups go out and how often: on/off, delay, frequency cap, send window, days to avoid. (Languages: the editor.) */
export function FlowSettingsCard({ settings, savedEnabled, onChange, errors, enableHint }: FlowSettingsCardProps) {
  const { t } = useTranslation('followups');
  const set = <K extends keyof FlowSettings>(key: K, value: FlowSettings[K]) => onChange({ ...settings, [key]: value });
  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {t('settings.title')}
          </Text>
          {savedEnabled ? <Badge tone="success">{t('settings.on')}</Badge> : <Badge>{t('settings.off')}</Badge>}
        </InlineStack>
        {errors[''] && <Banner tone="critical">{errors['']}</Banner>}
        <Checkbox
          label={t('settings.send')}
          checked={settings.enabled}
          onChange={(checked) => set('enabled', checked)}
          helpText={enableHint ?? t('settings.sendHelp')}
          error={errors.enabled}
        />
        <FormLayout>
          <FormLayout.Group>
            <TextField
              label={t('settings.delay')}
              type="number"
              min={0}
              max={60}
              value={shown(settings.delayDays)}
              onChange={(value) => set('delayDays', wholeNumber(value))}
              autoComplete="off"
              helpText={t('settings.delayHelp')}
              error={errors.delayDays}
            />
          </FormLayout.Group>
          <FormLayout.Group>
            <TextField
              label={t('settings.capCount')}
              type="number"
              min={1}
              max={10}
              value={shown(settings.capCount)}
              onChange={(value) => set('capCount', wholeNumber(value))}
              autoComplete="off"
              error={errors.capCount}
            />
            <TextField
              label={t('settings.capDays')}
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
              label={t('settings.from')}
              type="time"
              value={settings.sendWindow.start}
              onChange={(value) => set('sendWindow', { ...settings.sendWindow, start: value })}
              autoComplete="off"
              helpText={t('settings.fromHelp')}
              error={errors['sendWindow.start']}
            />
            <TextField
              label={t('settings.until')}
              type="time"
              value={endForInput(settings.sendWindow.end)}
              onChange={(value) => set('sendWindow', { ...settings.sendWindow, end: endFromInput(value) })}
              autoComplete="off"
              helpText={t('settings.untilHelp')}
              error={errors['sendWindow.end'] ?? errors.sendWindow}
            />
          </FormLayout.Group>
        </FormLayout>
        <ChoiceList
          title={t('settings.avoidDays')}
          allowMultiple
          choices={WEEKDAYS.map((day) => ({ label: t(`weekdays.${day}`), value: String(day) }))}
          selected={settings.avoidDays.map(String)}
          onChange={(selected) => set('avoidDays', selected.map(Number).sort((a, b) => a - b))}
          error={errors.avoidDays}
        />
      </BlockStack>
    </Card>
  );
}
