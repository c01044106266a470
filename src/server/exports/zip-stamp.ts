/**
 * Fixed modification times for the entries of a ZIP file (a DOCX is one). The `docx` library
 * stamps every entry with the time of packing, in the machine's local time zone, so two renders
 * of the same copy would differ by bytes; rewriting the two-byte DOS time and date fields of the
 * local and central headers — nothing else, no checksum covers them — makes the file a function
 * of its input.
 */

const endOfCentralDirectory = 0x06054b50;
const centralHeader = 0x02014b50;
const localHeader = 0x04034b50;

/** The ZIP with every entry's modification time set to `date` (UTC, two-second precision). */
export function stampZipEntries(zip: Uint8Array, date: Date): Buffer {
  const out = Buffer.from(zip);
  const valid = !Number.isNaN(date.getTime());
  const year = valid ? Math.min(Math.max(date.getUTCFullYear(), 1980), 2107) : 1980;
  const dosDate = valid
    ? ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate()
    : (0 << 9) | (1 << 5) | 1;
  const dosTime = valid
    ? (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1)
    : 0;

  let end = -1;
  const earliest = Math.max(0, out.length - 22 - 0xffff); // the comment is at most 64 KiB
  for (let i = out.length - 22; i >= earliest; i -= 1) {
    if (out.readUInt32LE(i) === endOfCentralDirectory) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a ZIP file: no end of central directory');
  const entries = out.readUInt16LE(end + 10);
  let at = out.readUInt32LE(end + 16);
  for (let n = 0; n < entries; n += 1) {
    if (out.readUInt32LE(at) !== centralHeader) throw new Error('malformed ZIP central directory');
    out.writeUInt16LE(dosTime, at + 12);
    out.writeUInt16LE(dosDate, at + 14);
    const local = out.readUInt32LE(at + 42);
    if (out.readUInt32LE(local) !== localHeader) throw new Error('malformed ZIP local header');
    out.writeUInt16LE(dosTime, local + 10);
    out.writeUInt16LE(dosDate, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}
