"""How quality drifts along a long video: clips chained from the previous clip's last frame (`animate(frames=N)`), toy model.

For each held-out clip of the toy's world, the first frame is animated into a video of `--clips` chained clips (8 + 7·(k−1)
frames). Per clip index j it reports, over the clips:
- seam PSNR: the first generated frame of clip j against the frame it was conditioned on (the previous clip's last frame; for
  clip 1 the input image), i.e. how cleanly each new clip picks up where the last one stopped;
- clean frames: `aligned_psnr` of clip j's frames against the *original* input image slid to fit (shape and colours kept);
- colour drift: the mean absolute change, in 1/255, of the frame's mean colour against the input image's;
- direction: the object still moving the way the caption says over clip j.
Clip 1 is exactly a plain one-clip `animate`: it is the reference the later clips are compared with.

    python benchmarks/long_video.py --n 16 --clips 4
"""
import argparse, json, time
import torch
from dynamicrafter.toy import held_out_clips
from dynamicrafter.metrics import psnr, aligned_psnr, direction_of
from dynamicrafter.pipeline import animate, animate_clip, default_model

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--n', type=int, default=16, help='held-out clips')
    parser.add_argument('--clips', type=int, default=4, help='clips chained per video')
    parser.add_argument('--fps', type=int, default=1, help='frame stride (1: the slowest motion, the object stays in view longest)')
    parser.add_argument('--threads', type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    model, start = default_model(), time.time()
    t = model.config.sampling.frames
    rows = [dict(seam_psnr=[], aligned_psnr=[], colour_drift=[], direction=[]) for _ in range(args.clips)]
    for i, clip in enumerate(held_out_clips(model.config, args.n)):
        image = clip['video'][:, 0]
        video = animate(image, clip['caption'], model, frames=t + (t - 1) * (args.clips - 1), fps=args.fps, seed=i, progress=False)
        for j, row in enumerate(rows):
            part = video[:, j * (t - 1): j * (t - 1) + t]                     # clip j, its first frame shared with clip j − 1
            given = image if j == 0 else video[:, j * (t - 1)]
            own = part if j == 0 else animate_clip(given, clip['caption'], model, fps=args.fps, seed=i + j, progress=False)
            assert j == 0 or torch.equal(own[:, 1:], part[:, 1:])               # the clip the chain made, with its own first frame
            row['seam_psnr'].append(psnr(own[:, 0], given))
            row['aligned_psnr'].append(float(aligned_psnr(part, image)[1:].mean()))
            row['colour_drift'].append(float((part.mean((2, 3)) - image.mean((1, 2))[:, None]).abs().mean() * 127.5))
            row['direction'].append(float(direction_of(part, clip['colour']) == clip['motion']))
    mean = lambda xs: sum(xs) / len(xs)
    table = [{k: round(mean(v), 2) for k, v in row.items()} | {'clip': j + 1} for j, row in enumerate(rows)]
    print(f"{'clip':>4} | {'seam (dB)':>9} | {'clean frames (dB)':>17} | {'colour drift (/255)':>19} | {'direction':>9}")
    for r in table: print(f"{r['clip']:>4} | {r['seam_psnr']:>9.2f} | {r['aligned_psnr']:>17.2f} | {r['colour_drift']:>19.2f} | {r['direction']:>9.0%}")
    print(json.dumps(dict(n=args.n, clips=args.clips, fps=args.fps, seconds=round(time.time() - start, 1), by_clip=table)))

if __name__ == '__main__': main()
