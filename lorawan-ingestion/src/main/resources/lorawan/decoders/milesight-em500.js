// Milesight EM500 series (the part every model shares): uplinks on FPort 85 are a sequence of channels, each
// channel id (1 byte), channel type (1 byte), then a value whose size the type fixes. The model's CHANNELS table,
// defined before this part, names them: "<id> <type>" (two hex digits each) -> {name, size, read(bytes, at)}.
function uint16le(bytes, at) {
  return bytes[at] | (bytes[at + 1] << 8);
}

function decodeUplink(input) {
  if (input.fPort !== 85) {
    return { errors: ['unknown FPort ' + input.fPort + ' (EM500 sensor data comes on FPort 85)'] };
  }
  var bytes = input.bytes, data = {}, warnings = [];
  for (var at = 0; at + 1 < bytes.length;) {
    var key = hex(bytes[at]) + ' ' + hex(bytes[at + 1]);
    var channel = CHANNELS[key];
    if (!channel) {
      // the value's size is unknown, so nothing after it can be read
      warnings.push('unknown channel ' + key + ' at byte ' + at + '; the rest of the payload is ignored');
      break;
    }
    if (at + 2 + channel.size > bytes.length) {
      return { errors: ['channel ' + key + ' (' + channel.name + ') is cut off at byte ' + bytes.length] };
    }
    data[channel.name] = channel.read(bytes, at + 2);
    at += 2 + channel.size;
  }
  return { data: data, warnings: warnings };
}

function hex(byte) {
  return (byte < 16 ? '0' : '') + byte.toString(16);
}
