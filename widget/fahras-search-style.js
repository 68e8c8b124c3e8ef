// The shadow root's stylesheet. Every colour, the font and the radius read a
// public --fahras-* custom property first, so a page themes the widget without
// reaching into the shadow tree; ::part() covers anything the properties don't.
// Default colours keep at least 4.5:1 contrast against the default background.
export const STYLE = `
:host {
  display: block;
  font-family: var(--fahras-font, "Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI", Tahoma, sans-serif);
  color: var(--fahras-fg, #1c1c1e);
  --_accent: var(--fahras-accent, #0a6650);
  --_bg: var(--fahras-bg, #ffffff);
  --_border: var(--fahras-border, #8c8c91);
  --_radius: var(--fahras-radius, 10px);
}
:host([hidden]), [hidden] { display: none !important; }

[part~="label"] {
  display: block;
  margin: 0 0.2em 0.4em;
  font-weight: 700;
}

[part~="input"] {
  box-sizing: border-box;
  width: 100%;
  font: inherit;
  font-size: 1.15em;
  padding: 0.6em 0.9em;
  color: inherit;
  background: var(--_bg);
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
}
[part~="input"]:focus-visible {
  outline: 3px solid var(--_accent);
  outline-offset: 2px;
}

.status-line {
  display: flex;
  flex-wrap: wrap;
  align-items: baseline;
  gap: 0.25em 0.75em;
  margin: 0.6em 0.2em;
  min-height: 1.6em;
}
[part~="status"] { color: var(--fahras-muted, #4d4d52); font-size: 0.92em; }
[part~="status"].error { color: var(--fahras-error, #b3261e); font-weight: 700; }

[part~="suggestions"] {
  display: flex;
  flex-wrap: wrap;
  align-items: baseline;
  gap: 0.25em 0.5em;
  color: var(--fahras-muted, #4d4d52);
  font-size: 0.92em;
}
[part~="suggestion"] {
  font: inherit;
  padding: 0.15em 0.7em;
  color: var(--_accent);
  background: transparent;
  border: 1px solid currentColor;
  border-radius: 999px;
  cursor: pointer;
}
[part~="suggestion"]:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }

[part~="listbox"] {
  display: grid;
  gap: 0.5em;
}
[part~="option"] {
  display: block;
  padding: 0.7em 1em;
  color: inherit;
  text-decoration: none;
  background: var(--_bg);
  border: 1px solid var(--fahras-option-border, #dcdce0);
  border-radius: var(--_radius);
  cursor: pointer;
  /* A drag over a hit selects its text, as on a page, rather than dragging the link. */
  user-select: text;
  -webkit-user-drag: none;
}
[part~="option"]:hover { border-color: var(--_accent); }
[part~="option"][aria-selected="true"] {
  border-color: var(--_accent);
  outline: 3px solid var(--_accent);
  outline-offset: -1px;
}
[part~="title"] {
  display: block;
  margin-bottom: 0.2em;
  font-weight: 700;
  color: var(--_accent);
}
[part~="snippet"] {
  display: block;
  line-height: 1.9;
}
[part~="mark"] {
  color: var(--fahras-mark-fg, inherit);
  background: var(--fahras-mark-bg, #ffe08a);
  border-radius: 3px;
}
`;
