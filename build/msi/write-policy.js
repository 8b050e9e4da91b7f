// Windows Installer JScript custom action (runs deferred, as LocalSystem). CustomActionData is
// "<CommonAppDataFolder>|<SERVER_URL>|<DISABLE_AUTO_UPDATES>". Writes policy.json with only the
// keys that were given, so a repair without properties does not erase IT's earlier values.
// The file is written as ASCII (CreateTextFile's unicode=false), so every character outside
// printable ASCII is escaped as \uXXXX and JSON readers get it back exactly.
function jsonString(s) {
  var out = '"';
  for (var i = 0; i < s.length; i++) {
    var c = s.charAt(i);
    var code = s.charCodeAt(i);
    if (c === '"' || c === '\\') out += '\\' + c;
    else if (code < 32 || code > 126) out += '\\u' + ('000' + code.toString(16)).slice(-4);
    else out += c;
  }
  return out + '"';
}

function writePolicy() {
  var parts = Session.Property('CustomActionData').split('|');
  var dir = parts[0] + 'Atendo';
  var serverUrl = parts[1] || '';
  var disableUpdates = parts[2] || '';
  var fields = [];
  if (serverUrl !== '') fields.push('"ServerUrl": ' + jsonString(serverUrl));
  if (disableUpdates === '1' || disableUpdates.toLowerCase() === 'true') {
    fields.push('"AutoUpdate": false');
  }
  if (fields.length === 0) return 1;
  var fso = new ActiveXObject('Scripting.FileSystemObject');
  if (!fso.FolderExists(dir)) fso.CreateFolder(dir);
  var file = fso.CreateTextFile(dir + '\\policy.json', true, false);
  file.Write('{\r\n  ' + fields.join(',\r\n  ') + '\r\n}\r\n');
  file.Close();
  return 1;
}
