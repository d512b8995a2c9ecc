// Milesight EM500-SWL (submersible water level): battery in %, water level in cm, named "distance" as in the
// codec of the TTN device repository (Milesight's own decoder calls it water_level).
var CHANNELS = {
  '01 75': { name: 'battery', size: 1, read: function (bytes, at) { return bytes[at]; } },
  '03 77': { name: 'distance', size: 2, read: function (bytes, at) { return uint16le(bytes, at); } }
};
