// electron-builder `msiProjectCreated` hook: adds the public properties SERVER_URL and
// DISABLE_AUTO_UPDATES to the generated WiX project and writes them into
// %ProgramData%\Atendo\policy.json at install time, where the app reads machine policy.
// `msiexec /i Atendo.msi /qn SERVER_URL=https://atendo.corp.example DISABLE_AUTO_UPDATES=1`
'use strict';
const { readFile, writeFile } = require('node:fs/promises');
const path = require('node:path');

const MARKER = '<!-- atendo-policy-properties -->';

/** Returns the project text with the policy writer added before </Product>. Idempotent. */
function injectPolicyWriter(wxs, scriptPath) {
  if (wxs.includes(MARKER)) return wxs;
  const fragment = `
    ${MARKER}
    <Property Id="SERVER_URL" Secure="yes"/>
    <Property Id="DISABLE_AUTO_UPDATES" Secure="yes"/>
    <Binary Id="AtendoPolicyWriter" SourceFile="${scriptPath}"/>
    <CustomAction Id="SetWriteAtendoPolicyData" Property="WriteAtendoPolicy"
      Value="[CommonAppDataFolder]|[SERVER_URL]|[DISABLE_AUTO_UPDATES]"/>
    <CustomAction Id="WriteAtendoPolicy" BinaryKey="AtendoPolicyWriter" JScriptCall="writePolicy"
      Execute="deferred" Impersonate="no" Return="check"/>
    <InstallExecuteSequence>
      <Custom Action="SetWriteAtendoPolicyData" Before="WriteAtendoPolicy">NOT REMOVE AND (SERVER_URL OR DISABLE_AUTO_UPDATES)</Custom>
      <Custom Action="WriteAtendoPolicy" Before="InstallFinalize">NOT REMOVE AND (SERVER_URL OR DISABLE_AUTO_UPDATES)</Custom>
    </InstallExecuteSequence>
  `;
  const at = wxs.lastIndexOf('</Product>');
  if (at < 0) throw new Error('msiProjectCreated: no </Product> in the WiX project');
  return wxs.slice(0, at) + fragment + wxs.slice(at);
}

async function msiProjectCreated(projectFile) {
  const script = path.join(__dirname, 'write-policy.js');
  const wxs = await readFile(projectFile, 'utf8');
  await writeFile(projectFile, injectPolicyWriter(wxs, script), 'utf8');
}

module.exports = msiProjectCreated;
module.exports.default = msiProjectCreated;
module.exports.injectPolicyWriter = injectPolicyWriter;
