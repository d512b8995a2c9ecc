// Nwave NPS405 (parking): one frame type per FPort.
// 1 parking status, 10 user (tag) registration: byte 0 bit 0 occupied, bits 1-7 the previous state's duration,
//   compressed (below); registration adds the tag id, bytes 1-4.
// 2 heartbeat: byte 0 bit 0 occupied and the hardware health bits, byte 1 battery (2.5 V + 4 mV steps),
//   byte 2 temperature (signed, half degrees from +10 °C).
// 3 startup: bytes 0-2 firmware version, byte 3 reset cause, byte 4 bit 0 occupied.
var RESET_CAUSES = ['rejoining_lorawan_network', 'watchdog', 'power_on', 'user_request', null, null, 'brownout', 'other'];

// Durations below 90 are exact; then steps of 5 from 90 and of 60 from 240 (error: the step less one);
// 127 means "longer than the scale".
function previousState(code, data) {
  data.previous_state_duration_overflow = code === 127;
  if (code < 90) {
    data.previous_state_duration = code;
    data.previous_state_duration_error = 0;
  } else if (code < 120) {
    data.previous_state_duration = 90 + (code - 90) * 5;
    data.previous_state_duration_error = 4;
  } else if (code < 127) {
    data.previous_state_duration = 240 + (code - 120) * 60;
    data.previous_state_duration_error = 59;
  } else {
    data.previous_state_duration = 660;
    data.previous_state_duration_error = null;
  }
  return data;
}

function batteryHealth(millivolts, temperature) {
  var critical = temperature >= -5 ? 2900 : 2800; // cold batteries sag: lower thresholds below -5 °C
  if (millivolts >= critical + 100) return 'normal';
  return millivolts >= critical ? 'low' : 'critical';
}

var FRAMES = {
  1: { size: 1, read: function (b) {
    return previousState(b[0] >> 1, { type: 'parking_status', occupied: (b[0] & 1) === 1 });
  } },
  10: { size: 5, read: function (b) {
    var data = { type: 'user_registration' };
    if ((b[0] & 1) === 1) {
      data.occupied = true;
      previousState(b[0] >> 1, data);
    } else {
      data.occupied = data.previous_state_duration = data.previous_state_duration_error = null;
      data.previous_state_duration_overflow = null;
    }
    data.tag_id = (((b[1] << 24) | (b[2] << 16) | (b[3] << 8) | b[4]) >>> 0).toString(16).toUpperCase();
    return data;
  } },
  2: { size: 3, read: function (b) {
    var millivolts = 2500 + b[1] * 4;
    var temperature = (b[2] > 127 ? b[2] - 256 : b[2]) / 2 + 10;
    return { type: 'heartbeat', occupied: (b[0] & 1) === 1, battery_voltage: millivolts / 1000,
             temperature: temperature, battery_health: batteryHealth(millivolts, temperature),
             hw_health_status: b[0] & 0x7f };
  } },
  3: { size: 5, read: function (b) {
    return { type: 'startup', firmware_version: b[0] + '.' + b[1] + '.' + b[2],
             reset_cause: RESET_CAUSES[b[3]] || 'unknown', occupied: (b[4] & 1) === 1 };
  } },
  6: { size: 0, read: function (b) {
    return { type: 'debug', bytes: b };
  } }
};

function decodeUplink(input) {
  var frame = FRAMES[input.fPort];
  if (!frame) {
    return { errors: ['unknown FPort ' + input.fPort] };
  }
  if (input.bytes.length < frame.size) {
    return { errors: ['expected at least ' + frame.size + ' bytes on FPort ' + input.fPort + ', got ' + input.bytes.length] };
  }
  return { data: frame.read(input.bytes) };
}
