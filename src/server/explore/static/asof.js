// The date control: the picture as known on a chosen day (the API's asOf), a slider and steps over
// the days on which something in the picture became known (its nodes' knownOn), and Play, which
// steps through them about once a second.

const STEP_MS = 1000;
const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

/** "as known on 2025-11-25", or the present. */
export const shownDay = (day) => (day ? `as known on ${day}` : 'as the graph stands');

/**
 * Binds the controls in `ui` ({ input, slider, back, forward, play, shown, error }). `apply(day)`
 * redraws the picture as known on `day` (null: as the graph stands) and resolves to true when it
 * was drawn, false when not (refused or failed).
 */
export function createDateControl(ui, apply) {
  let days = []; // ascending ISO days
  let current = null; // the day asked for (null: the present)
  let playing = 0; // the running play's ticket; 0: paused
  let tickets = 0;

  const after = (day) => days.find((d) => d > day) ?? null;
  const before = (day) => (day == null ? days.at(-1) : days.findLast((d) => d < day)) ?? null;
  // The slider's positions are the days, then the present.
  const position = (day) => (day == null ? days.length : Math.max(0, days.findLastIndex((d) => d <= day)));

  function render() {
    ui.input.value = /^\d{4}-\d{2}-\d{2}$/.test(current ?? '') ? current : '';
    ui.slider.max = String(days.length);
    ui.slider.value = String(position(current));
    ui.slider.disabled = days.length === 0;
    ui.slider.setAttribute('aria-valuetext', current
      ? `${current}${days.includes(current) ? ` (day ${days.indexOf(current) + 1} of ${days.length})` : ''}`
      : 'as the graph stands');
    ui.back.disabled = before(current) == null;
    ui.forward.disabled = current == null;
    ui.play.disabled = days.length === 0;
    ui.play.textContent = playing ? 'Pause' : 'Play';
    ui.play.setAttribute('aria-pressed', String(Boolean(playing)));
  }

  function shown(day) {
    ui.shown.textContent = shownDay(day);
    ui.shown.dataset.asOf = day ?? '';
  }

  function pause() {
    playing = 0;
    render();
  }

  async function go(day) {
    current = day;
    ui.error.hidden = true;
    render();
    return apply(day);
  }

  /** A choice of the user's own stops a play. */
  const choose = (day) => { pause(); return go(day); };

  async function play() {
    const ticket = ++tickets;
    playing = ticket;
    render();
    // From the first day, unless paused part-way through.
    let next = current == null || after(current) == null ? days[0] : after(current);
    while (playing === ticket && next != null) {
      if (!await go(next)) break;
      await sleep(STEP_MS);
      next = after(current);
    }
    if (playing === ticket) pause();
  }

  ui.input.addEventListener('change', () => choose(ui.input.value || null));
  ui.slider.addEventListener('input', () => {
    const i = Number(ui.slider.value);
    ui.slider.setAttribute('aria-valuetext', i < days.length ? days[i] : 'as the graph stands');
  });
  ui.slider.addEventListener('change', () => {
    const i = Number(ui.slider.value);
    choose(i < days.length ? days[i] : null);
  });
  ui.back.addEventListener('click', () => { const d = before(current); if (d) choose(d); });
  ui.forward.addEventListener('click', () => choose(after(current)));
  ui.play.addEventListener('click', () => (playing ? pause() : play()));

  return {
    pause,
    /** The day the page starts at (from its URL), without a redraw. */
    set(day) { current = day; render(); },
    /** The days something in the picture became known (knownOn values, nulls among them). */
    setDays(knownOn) {
      days = [...new Set(knownOn.filter(Boolean))].sort();
      render();
    },
    /** The picture is drawn as known on `day`. */
    shown,
    /** The API refused `day`: its message, and back to the day drawn (`drawn`). */
    refused(day, message, drawn) {
      pause();
      current = drawn;
      render();
      shown(drawn);
      ui.error.textContent = `The day ${day} was refused: ${message}`;
      ui.error.hidden = false;
    },
  };
}
