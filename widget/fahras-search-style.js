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

[part~="filters"] {
  display: flex;
  flex-wrap: wrap;
  align-items: flex-start;
  gap: 0.5em 1em;
  margin: 0 0.2em 0.8em;
  font-size: 0.92em;
}
.groups { display: contents; }
[part~="facet"] {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0.35em;
  margin: 0;
  padding: 0;
  border: 0;
  min-width: 0;
}
[part~="facet"] legend {
  float: inline-start;
  margin-inline-end: 0.3em;
  padding: 0;
  color: var(--fahras-muted, #4d4d52);
}
[part~="filter"] {
  display: inline-flex;
  align-items: center;
  gap: 0.35em;
  padding: 0.1em 0.7em;
  background: var(--_bg);
  border: 1px solid var(--fahras-option-border, #dcdce0);
  border-radius: 999px;
  cursor: pointer;
}
[part~="filter"]:has(:checked) {
  border-color: var(--_accent);
  box-shadow: inset 0 0 0 1px var(--_accent);
}
[part~="filter"] input { margin: 0; accent-color: var(--_accent); }
[part~="filter"]:has(:focus-visible) { outline: 3px solid var(--_accent); outline-offset: 2px; }
[part~="filter"] .count { color: var(--fahras-muted, #4d4d52); font-size: 0.9em; }
.order { display: inline-flex; align-items: center; gap: 0.4em; color: var(--fahras-muted, #4d4d52); }
[part~="sort"] {
  font: inherit;
  color: var(--fahras-fg, #1c1c1e);
  padding: 0.1em 0.4em;
  background: var(--_bg);
  border: 1px solid var(--_border);
  border-radius: 6px;
}

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

[part~="more"], [part~="back"] {
  font: inherit;
  margin-top: 0.75em;
  padding: 0.35em 1.2em;
  color: var(--_accent);
  background: var(--_bg);
  border: 1px solid var(--_accent);
  border-radius: var(--_radius);
  cursor: pointer;
}
[part~="more"] { display: block; width: 100%; }
[part~="back"] { margin: 0.75em 0 0.5em; }
/* An arrow pointing back, mirrored in right-to-left text; screen readers skip it. */
[part~="back"]::before { content: "\\2039\\a0" / ""; }
[part~="more"]:focus-visible, [part~="back"]:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }

[part~="reader"] {
  padding: 0 0.2em 1em;
  scroll-margin-top: 0.5em;
}
[part~="reader-title"] {
  margin: 0.2em 0 0.4em;
  font-size: 1.45em;
  line-height: 1.5;
  color: var(--_accent);
  scroll-margin-top: 0.5em;
}
/* Focused only for screen readers to start there: it is not a control. */
[part~="reader-title"]:focus { outline: none; }
[part~="reader-meta"] {
  display: flex;
  flex-wrap: wrap;
  gap: 0.2em 1.2em;
  margin: 0 0 1em;
  color: var(--fahras-muted, #4d4d52);
  font-size: 0.92em;
}
[part~="reader-meta"] div { display: flex; gap: 0.35em; }
[part~="reader-meta"] dt::after { content: ":"; }
[part~="reader-meta"] dd { margin: 0; color: var(--fahras-fg, #1c1c1e); }
[part~="reader-text"] {
  line-height: 2;
  font-size: 1.08em;
  white-space: pre-line;
  overflow-wrap: anywhere;
}
`;
