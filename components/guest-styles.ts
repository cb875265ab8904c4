// Styles for the UI Vínculo puts on LinkedIn's pages. They live inside each
// shadow root: nothing leaks into the page, and `all: initial` keeps the
// page's styles out.
export const badgeCss = `
:host { all: initial; display: inline-block; vertical-align: middle; margin-inline-start: 8px;
  font: 13px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2226; position: relative; z-index: 2; }
:host([data-floating]) { position: fixed; inset-block-end: 16px; inset-inline-end: 16px; z-index: 2147483000; margin: 0; }
* { box-sizing: border-box; }
button { font: inherit; color: inherit; cursor: pointer; border-radius: 999px; border: 1px solid #8c8c8c;
  background: #fff; padding: 3px 10px; display: inline-flex; gap: 6px; align-items: center; }
button:focus-visible { outline: 2px solid #0a66c2; outline-offset: 2px; }
.track { border-color: #0a66c2; color: #0a5bb0; font-weight: 600; }
.temp { font-weight: 600; }
.warm { border-color: #1a7f37; } .warm .temp { color: #1a7f37; }
.cooling { border-color: #9a6700; } .cooling .temp { color: #8a5c00; }
.cold { border-color: #0a5bb0; background: #eef5fc; } .cold .temp { color: #0a5bb0; }
.due { color: #b3261e; font-weight: 600; }
.panel { position: absolute; inset-block-start: calc(100% + 6px); inset-inline-start: 0; width: 300px; max-width: 90vw;
  background: #fff; border: 1px solid #8c8c8c; border-radius: 8px; padding: 12px; box-shadow: 0 4px 16px rgb(0 0 0 / 18%); }
:host([data-floating]) .panel { inset-block-start: auto; inset-block-end: calc(100% + 6px); inset-inline-start: auto; inset-inline-end: 0; }
.panel h2 { font-size: 14px; margin: 0 0 8px; } .panel h3 { font-size: 12px; margin: 10px 0 4px; color: #404040; }
.panel ul { margin: 0; padding: 0; list-style: none; } .panel li { margin: 2px 0; overflow-wrap: anywhere; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin: 10px 0 0; padding: 0; border: 0; }
.actions legend { font-size: 12px; font-weight: 600; padding: 0; margin-bottom: 4px; color: #404040; }
p { margin: 0; } .muted { color: #595959; } .status { margin-top: 6px; min-height: 1em; }
@media (prefers-color-scheme: dark) {
  :host { color: #e8e8e8; }
  button, .panel { background: #1d2226; border-color: #8c8c8c; }
  .track { color: #70b5f9; border-color: #70b5f9; }
  .warm .temp { color: #57c26f; } .cooling .temp { color: #e3b341; } .cold { background: #10263d; } .cold .temp { color: #70b5f9; }
  .panel h3, .actions legend, .muted { color: #bdbdbd; } .due { color: #ff8a80; }
}
`;

export const dotCss = `
:host { all: initial; display: inline-block; vertical-align: middle; margin-inline-start: 4px; }
span { display: inline-flex; align-items: center; justify-content: center; width: 16px; height: 16px; border-radius: 50%;
  font: 700 9px/1 system-ui, sans-serif; color: #fff; background: #595959; }
.warm { background: #1a7f37; } .cooling { background: #8a5c00; } .cold { background: #0a5bb0; }
`;
