/**
 * Sizes and formats read from a file's bytes, for the installer's checks: a PNG's IHDR, the image
 * sizes an .ico or .icns holds, and a WAV's format chunk.
 */
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function pngSize(bytes: Buffer): { width: number; height: number } {
  if (!bytes.subarray(0, 8).equals(pngSignature) || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('Not a PNG file.');
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** ICNS chunk types and the pixel size each holds. */
const icnsTypes: Record<string, number> = {
  is32: 16,
  icp4: 16,
  il32: 32,
  icp5: 32,
  ih32: 48,
  it32: 128,
  ic07: 128,
  ic08: 256,
  ic09: 512,
  ic10: 1024,
};

/** The sizes of the images an .ico (Windows) or .icns (macOS) holds, sorted, each once. */
export function imageSizes(bytes: Buffer): number[] {
  const sizes = new Set<number>();
  if (bytes.toString('latin1', 0, 4) === 'icns') {
    if (bytes.readUInt32BE(4) !== bytes.length)
      throw new Error('The .icns length does not match its header.');
    for (let offset = 8; offset + 8 <= bytes.length;) {
      const size = icnsTypes[bytes.toString('latin1', offset, offset + 4)];
      if (size !== undefined) sizes.add(size);
      const length = bytes.readUInt32BE(offset + 4);
      if (length < 8) throw new Error('A broken .icns chunk.');
      offset += length;
    }
  } else if (bytes.readUInt16LE(0) === 0 && bytes.readUInt16LE(2) === 1) {
    const count = bytes.readUInt16LE(4);
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i;
      const width = bytes.readUInt8(entry) || 256;
      const height = bytes.readUInt8(entry + 1) || 256;
      const dataOffset = bytes.readUInt32LE(entry + 12);
      if (width !== height || dataOffset >= bytes.length) throw new Error('A broken .ico entry.');
      sizes.add(width);
    }
  } else {
    throw new Error('Neither an .ico nor an .icns file.');
  }
  return [...sizes].sort((a, b) => a - b);
}

export interface WavFormat {
  audioFormat: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  seconds: number;
}

/** A RIFF/WAVE file's format and length, from its chunks. */
export function wavFormat(bytes: Buffer): WavFormat {
  if (bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WAVE') {
    throw new Error('Not a WAV file.');
  }
  if (bytes.readUInt32LE(4) !== bytes.length - 8) throw new Error('The RIFF length does not match the file.');
  let format: Omit<WavFormat, 'seconds'> | null = null;
  let dataBytes = -1;
  for (let offset = 12; offset + 8 <= bytes.length;) {
    const id = bytes.toString('latin1', offset, offset + 4);
    const length = bytes.readUInt32LE(offset + 4);
    if (id === 'fmt ') {
      format = {
        audioFormat: bytes.readUInt16LE(offset + 8),
        channels: bytes.readUInt16LE(offset + 10),
        sampleRate: bytes.readUInt32LE(offset + 12),
        bitsPerSample: bytes.readUInt16LE(offset + 22),
      };
    } else if (id === 'data') {
      dataBytes = length;
    }
    offset += 8 + length + (length % 2);
  }
  if (!format || dataBytes < 0) throw new Error('A WAV file without its fmt or data chunk.');
  const bytesPerSecond = format.sampleRate * format.channels * (format.bitsPerSample / 8);
  return { ...format, seconds: dataBytes / bytesPerSecond };
}
