import type { RecommendationSettings } from '../../server/recommend/settings/values.ts';
import { apiFetch } from './api.ts';

/** What the API answers (its other fields, consequences and presets, the card computes as the merchant types). */
interface SettingsAnswer {
  settings: RecommendationSettings;
}

export async function loadRecommendationSettings(): Promise<RecommendationSettings> {
  return (await apiFetch<SettingsAnswer>('/recommendations/settings')).settings;
}

/** Saves the whole document; a refusal is an ApiError whose `field` names the control at fault. */
export async function saveRecommendationSettings(settings: RecommendationSettings): Promise<RecommendationSettings> {
  const init = { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(settings) };
  return (await apiFetch<SettingsAnswer>('/recommendations/settings', init)).settings;
}
