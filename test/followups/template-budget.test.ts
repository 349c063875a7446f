/**
 * A template's cost is counted, not timed: the same template gets the same verdict on an idle machine and on one
 * too busy to give the app a core, at save and at send. (Before, a 50 ms wall clock decided, and a busy test
 * machine once refused the default greeting as "too long to render".)
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { composeFollowup, type ComposeInput } from '../../server/followups/compose/compose.ts';
import { draftProblem, TemplateError, TEMPLATE_LIMITS } from '../../server/followups/compose/render-template.ts';
import { DEFAULT_TEMPLATES } from '../../server/followups/compose/words.ts';

const input: ComposeInput = {
  locale: 'es',
  ...DEFAULT_TEMPLATES.es,
  shopName: 'Lanas del Sur',
  customerFirstName: 'Ana',
  persona: { fullName: 'Marta Ruiz', role: 'Cuidado de la lana', signature: '', hasPhoto: false },
  product: { title: 'Bufanda de merino' },
  guide: null,
  complements: [],
  unsubscribeUrl: 'https://app.example/unsubscribe/t',
};

/** A loop of `turns` empty turns: one step each. */
const loop = (turns: number) => `{% for i in (1..${turns}) %}{% endfor %}`;

/**
 * A busy machine as the app's clock sees it: the clock's `n`th reading from now on (1, 2, 3…) is `delay(n)` ms
 * later than the idle machine's would be.
 */
function busyMachine(delay: (reading: number) => number) {
  const now = performance.now.bind(performance);
  let readings = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => now() + delay(++readings));
}
/** Each step waits `ms` for a core. */
const everyStepWaits = (ms: number) => busyMachine((reading) => reading * ms);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a template’s cost', () => {
  it('on a machine where every step waits 10 ms, the default template still becomes a mail, and the same one', () => {
    const idle = composeFollowup(input);
    everyStepWaits(10);
    const busy = composeFollowup(input);
    expect(busy.subject).toBe(idle.subject);
    expect(busy.text).toBe(idle.text);
    expect(busy.text.split('\n')[0]).toBe('Hola, Ana:');
  });

  it('after a 300 ms wait for a core, a long loop within the step count is still accepted, and one beyond it still refused', () => {
    busyMachine((reading) => (reading > 2 ? 300 : 0));
    expect(draftProblem({ subject: 'Hola', body: loop(9_900) })).toBeNull();
    expect(draftProblem({ subject: 'Hola', body: loop(10_000) })).toMatchObject({
      field: 'body',
      problem: { error: 'template_too_costly', limit: 'render steps', max: TEMPLATE_LIMITS.renderSteps },
    });
  });

  it('is one budget for the subject and the body of a mail: each alone passes, both together do not', () => {
    const half = loop(6_000);
    expect(draftProblem({ subject: half, body: 'Hola' })).toBeNull();
    expect(draftProblem({ subject: 'Hola', body: half })).toBeNull();
    expect(draftProblem({ subject: half, body: half })).toMatchObject({ field: 'body', problem: { limit: 'render steps' } });
    let thrown: unknown;
    try {
      composeFollowup({ ...input, subject: half, body: half });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TemplateError);
    expect((thrown as TemplateError).problem).toMatchObject({ limit: 'render steps' });
  });

  it('still has a wall-clock backstop: a render whose clock runs past TEMPLATE_LIMITS.renderMs stops', () => {
    everyStepWaits(TEMPLATE_LIMITS.renderMs);
    expect(() => composeFollowup(input)).toThrow(TemplateError);
  });
});
