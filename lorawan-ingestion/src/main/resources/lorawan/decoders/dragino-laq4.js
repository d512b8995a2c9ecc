// Dragino LAQ4 (air quality), user manual's uplink on FPort 2, 11 bytes, big-endian:
// 0-1 battery mV; 2 flags: bit 0 alarm, bits 2-6 work mode (1 = CO2 readings, 31 = the alarm thresholds);
// CO2 mode: 3-4 TVOC ppb, 5-6 CO2 ppm, 7-8 temperature 0.1 °C (signed), 9-10 humidity 0.1 %RH;
// ALARM mode: 3 min / 4 max temperature °C (signed), 5 min / 6 max humidity %RH, 7-8 min / 9-10 max CO2 ppm.
function decodeUplink(input) {
  var b = input.bytes;
  if (input.fPort !== 2) {
    return { errors: ['unknown FPort'] };
  }
  if (b.length !== 11) {
    return { errors: ['expected 11 bytes on FPort 2, got ' + b.length] };
  }
  var u16 = function (at) { return (b[at] << 8) | b[at + 1]; };
  var s16 = function (at) { var v = u16(at); return v > 0x7fff ? v - 0x10000 : v; };
  var s8 = function (at) { return b[at] > 0x7f ? b[at] - 0x100 : b[at]; };
  var mode = (b[2] >> 2) & 0x1f;
  var data = { Bat_V: u16(0) / 1000 };
  if (mode === 1) {
    data.Work_mode = 'CO2';
    data.Alarm_status = (b[2] & 0x01) ? 'TRUE' : 'FALSE';
    data.TVOC_ppb = u16(3);
    data.CO2_ppm = u16(5);
    data.TempC_SHT = s16(7) / 10;
    data.Hum_SHT = u16(9) / 10;
  } else if (mode === 31) {
    data.Work_mode = 'ALARM';
    data.SHTEMPMIN = s8(3);
    data.SHTEMPMAX = s8(4);
    data.SHTHUMMIN = b[5];
    data.SHTHUMMAX = b[6];
    data.CO2MIN = u16(7);
    data.CO2MAX = u16(9);
  } else {
    return { errors: ['unknown work mode ' + mode] };
  }
  return { data: data };
}
