// Milesight EM500-UDL (ultrasonic distance): battery in %, distance in mm.
var CHANNELS = {
  '01 75': { name: 'battery', size: 1, read: function (bytes, at) { return bytes[at]; } },
  '03 82': { name: 'distance', size: 2, read: function (bytes, at) { return uint16le(bytes, at); } }
};
