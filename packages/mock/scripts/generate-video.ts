// Writes assets/video.mp4, the small playable video that the mock serves for every result URL:
// two seconds of ffmpeg's moving test pattern at 160x90, H.264 baseline (plays everywhere), moov first
// (plays while it downloads), with no timestamps or encoder metadata that would change between runs.
// Needs ffmpeg with libx264 (Debian: apt-get install ffmpeg). Run: node packages/mock/scripts/generate-video.ts
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../assets/video.mp4', import.meta.url));
execFileSync(
  'ffmpeg',
  [
    ...['-hide_banner', '-loglevel', 'error', '-y'],
    ...['-f', 'lavfi', '-i', 'testsrc2=size=160x90:rate=12:duration=2'],
    ...[
      '-c:v',
      'libx264',
      '-profile:v',
      'baseline',
      '-preset',
      'veryslow',
      '-crf',
      '36',
      '-pix_fmt',
      'yuv420p',
    ],
    ...['-movflags', '+faststart', '-map_metadata', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact'],
    out,
  ],
  { stdio: 'inherit' },
);
console.log(`wrote ${out} (${statSync(out).size} bytes)`);
