/** Lives inside the shadow root, so neither the host page's CSS nor ours leaks across. */
export const WIDGET_CSS = `
[hidden] { display: none !important; }
:host { all: initial; --atendo-primary: #1f6feb; --atendo-on-primary: #fff; font: 14px/1.4 system-ui, sans-serif; color: #1d2330; }
.launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; border: 0;
  border-radius: 24px; padding: 12px 18px; background: var(--atendo-primary); color: var(--atendo-on-primary); cursor: pointer;
  font: inherit; box-shadow: 0 4px 14px rgba(0,0,0,.2); }
.panel { position: fixed; right: 20px; bottom: 76px; z-index: 2147483000; width: 340px;
  max-width: calc(100vw - 40px); height: 480px; max-height: calc(100vh - 100px); display: flex;
  flex-direction: column; background: #fff; border-radius: 12px; overflow: hidden;
  box-shadow: 0 8px 30px rgba(0,0,0,.25); }
.panel[hidden] { display: none; }
header { display: flex; justify-content: space-between; align-items: center; padding: 10px 14px;
  background: var(--atendo-primary); color: var(--atendo-on-primary); font-weight: 600; }
header button { background: none; border: 0; color: inherit; font-size: 18px; cursor: pointer; }
.status { padding: 6px 14px; font-size: 12px; background: #eef3fb; color: #394150; }
.status:empty { display: none; }
.body { flex: 1; overflow-y: auto; padding: 10px 14px; display: flex; flex-direction: column;
  gap: 8px; }
form.intro { display: flex; flex-direction: column; gap: 10px; padding: 14px; }
form.intro p { margin: 0; }
form.intro label { display: flex; flex-direction: column; gap: 4px; font-size: 12px;
  font-weight: 600; color: #394150; }
form.intro input { width: 100%; box-sizing: border-box; font-weight: 400; font-size: 14px; }
input, textarea { font: inherit; padding: 8px; border: 1px solid #c4cad4; border-radius: 6px; }
button.primary { font: inherit; padding: 8px 12px; border: 0; border-radius: 6px;
  background: var(--atendo-primary); color: var(--atendo-on-primary); cursor: pointer; }
.msg { max-width: 80%; padding: 6px 10px; border-radius: 10px; white-space: pre-wrap;
  word-wrap: break-word; }
.msg.inbound { align-self: flex-end; background: var(--atendo-primary); color: var(--atendo-on-primary); }
.msg.outbound { align-self: flex-start; background: #f0f2f5; }
.msg.system { align-self: center; background: none; color: #6b7280; font-size: 12px; }
.author { display: block; font-size: 11px; font-weight: 600; opacity: .75; }
.time { display: block; margin-top: 2px; font-size: 10px; opacity: .7; text-align: right; }
.file, .thumb { display: block; margin-top: 4px; padding: 0; border: 0; background: none;
  color: inherit; font: inherit; cursor: pointer; text-align: left; }
.file { font-size: 12px; text-decoration: underline; }
.file:disabled, .thumb:disabled { cursor: progress; opacity: .7; }
.thumb img { display: block; max-width: 200px; max-height: 160px; min-width: 24px;
  min-height: 24px; border-radius: 6px; background: rgba(0,0,0,.06); }
.file-note { display: block; font-size: 12px; opacity: .8; }
.composer { display: flex; gap: 6px; padding: 8px; border-top: 1px solid #e5e7eb; }
.composer input[type=text] { flex: 1; }
.composer .attach { cursor: pointer; padding: 4px 6px; border: 0; border-radius: 6px;
  background: none; color: #394150; display: flex; align-items: center; }
.composer .attach:hover, .composer .attach:focus-visible { background: #eef3fb; }
.composer input[type=file] { display: none; }
.csat { padding: 10px 14px; border-top: 1px solid #e5e7eb; display: flex; flex-direction: column;
  gap: 6px; }
.scores { display: flex; gap: 6px; }
.scores button { flex: 1; padding: 8px 0; border: 1px solid var(--atendo-primary); border-radius: 6px;
  background: #fff; color: var(--atendo-primary); cursor: pointer; font: inherit; }
.scores button[aria-pressed=true] { background: var(--atendo-primary); color: var(--atendo-on-primary); }
.error { color: #b42318; font-size: 12px; padding: 0 14px 6px; }
.error:empty { display: none; }
`;
