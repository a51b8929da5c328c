#!/usr/bin/env node
/**
 * Synthesizes the counter's three sounds into resources/sounds/ as 16-bit mono 44.1 kHz WAV, made
 * for the project (no samples from anywhere): `paid` (a bright rising two-note chime), `declined`
 * (two soft falling notes), `attention` (three short pings). Deterministic: the same bytes every
 * run. The outputs are committed; run this only after changing a sound.
 */
const fs = require('node:fs');
const path = require('node:path');

const sampleRate = 44_100;

/** A bell-like note: a sine with two soft overtones, a 6 ms attack and an exponential decay. */
function note(frequency, start, duration, gain, decay) {
  return { frequency, start, duration, gain, decay };
}

function render(notes, totalSeconds) {
  const samples = new Float64Array(Math.round(totalSeconds * sampleRate));
  for (const n of notes) {
    const first = Math.round(n.start * sampleRate);
    const count = Math.round(n.duration * sampleRate);
    for (let i = 0; i < count && first + i < samples.length; i++) {
      const t = i / sampleRate;
      const attack = Math.min(1, t / 0.006);
      const release = Math.min(1, (n.duration - t) / 0.02); // no click at the end
      const envelope = attack * release * Math.exp(-t * n.decay);
      const phase = 2 * Math.PI * n.frequency * t;
      const tone = Math.sin(phase) + 0.25 * Math.sin(2 * phase) + 0.08 * Math.sin(3 * phase);
      samples[first + i] += (n.gain * envelope * tone) / 1.33;
    }
  }
  return samples;
}

function wav(samples) {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((value, i) => {
    const clipped = Math.max(-1, Math.min(1, value));
    data.writeInt16LE(Math.round(clipped * 32_767), i * 2);
  });
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

const sounds = {
  // E6 then A6: the rising "ding-ding" a card terminal makes when the money is in.
  paid: render([note(1318.5, 0, 0.28, 0.55, 7), note(1760, 0.12, 0.55, 0.6, 5)], 0.7),
  // A4 then F4, rounder and quieter: something did not go through.
  declined: render([note(440, 0, 0.26, 0.6, 6), note(349.2, 0.2, 0.42, 0.6, 5)], 0.65),
  // Three short C6 pings: look at the screen.
  attention: render(
    [note(1046.5, 0, 0.14, 0.5, 14), note(1046.5, 0.18, 0.14, 0.5, 14), note(1046.5, 0.36, 0.2, 0.5, 10)],
    0.6,
  ),
};

const outDir = path.resolve(__dirname, '..', '..', 'resources', 'sounds');
fs.mkdirSync(outDir, { recursive: true });
for (const [name, samples] of Object.entries(sounds)) {
  fs.writeFileSync(path.join(outDir, `${name}.wav`), wav(samples));
  console.log(`wrote resources/sounds/${name}.wav (${samples.length} samples)`);
}
