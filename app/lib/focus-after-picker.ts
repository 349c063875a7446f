/**
 * App Bridge's resource picker takes focus out of the app's frame; once it closes, the keyboard carries on from the
 * button inside `box` that opened it — unless the merchant has already moved on inside the app (typing a customer's
 * name): a late animation frame must not pull focus away from them.
 */
export function focusAfterPicker(box: HTMLElement | null): void {
  requestAnimationFrame(() => {
    const active = document.activeElement;
    const movedOn = document.hasFocus() && active !== null && active !== document.body && !box?.contains(active);
    if (!movedOn) box?.querySelector('button')?.focus();
  });
}
