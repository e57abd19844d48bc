import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BAUD_RATE, SerialSpecError, formatSerialSpec, parseSerialSpec } from '../../../../hal/sources/serial/index.ts';

describe('parseSerialSpec', () => {
  it.each([
    ['/dev/ttyUSB0', '/dev/ttyUSB0', DEFAULT_BAUD_RATE],
    ['/dev/ttyACM0@57600', '/dev/ttyACM0', 57_600],
    ['  /dev/ttyS1@9600 ', '/dev/ttyS1', 9600],
    ['/tmp/kis-a', '/tmp/kis-a', DEFAULT_BAUD_RATE],
    // udev by-id links may contain "@"; only a trailing "@digits" is a baud rate.
    ['/dev/serial/by-id/usb-box@lab-if00', '/dev/serial/by-id/usb-box@lab-if00', DEFAULT_BAUD_RATE],
    ['/dev/serial/by-id/usb-box@lab-if00@921600', '/dev/serial/by-id/usb-box@lab-if00', 921_600],
    ['COM3@115200', 'COM3', 115_200],
  ])('%s → %s at %i', (spec, path, baudRate) => {
    expect(parseSerialSpec(spec)).toEqual({ path, baudRate });
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['@9600', /no path/],
    ['/dev/ttyUSB0@', /no baud rate/],
    ['/dev/ttyUSB0@12345', /12345 is not a standard baud rate/],
    ['/dev/ttyUSB0@0', /not a standard baud rate/],
  ])('%j is refused: %s', (spec, message) => {
    expect(() => parseSerialSpec(spec)).toThrow(SerialSpecError);
    expect(() => parseSerialSpec(spec)).toThrow(message);
  });

  it('formatSerialSpec round-trips', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\/dev\/[a-zA-Z0-9_@.-]{1,20}[a-zA-Z]$/), fc.constantFrom(9600, 57_600, 115_200, 921_600), (path, baudRate) => {
        expect(parseSerialSpec(formatSerialSpec({ path, baudRate }))).toEqual({ path, baudRate });
      }),
    );
  });

  it('never throws anything but SerialSpecError', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        try {
          parseSerialSpec(s);
        } catch (e) {
          expect(e).toBeInstanceOf(SerialSpecError);
        }
      }),
    );
  });
});
