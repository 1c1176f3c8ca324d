"""Interpolation and looping on the toy: the animation-only toy against the toy fine-tuned for them, in one run.

On held-out clips of the toy's world (seeds never used in training), for each model:
- interpolation (`end_image=` the clip's last frame): PSNR of the first and last generated frames against the two given
  images (target ≥ 30 dB each), and the object's path between them: monotone along the motion (no step back by more than
  0.5 px) and ending within 1 px of where the end image has it;
- looping (`loop=True`): the jump from the last frame back to the first (mean absolute pixel change, in 1/255) against the
  median frame-to-frame step of the same video (target: no larger), and the motion in between (the largest distance of the
  object from where it started, in px; a still scores 0).

    python benchmarks/interpolation.py --n 32
"""
import argparse, json, time
import torch
from dynamicrafter.toy import held_out_clips
from dynamicrafter.metrics import psnr, object_weights, centroids
from dynamicrafter.pipeline import animate, default_model

def interpolation_scores(video, clip):
    "First/last PSNR against the given ends, and whether the object's path is monotone and ends where it should."
    truth = clip['video']
    axis = 0 if clip['motion'] in ('moves left', 'moves right') else 1
    track = centroids(object_weights(video, clip['colour']))[:, axis]
    goal = centroids(object_weights(truth[:, -1:], clip['colour']))[0, axis]
    sign = 1 if clip['motion'] in ('moves right', 'moves down') else -1
    steps = (track[1:] - track[:-1]) * sign
    return dict(first_psnr=psnr(video[:, 0], truth[:, 0]), last_psnr=psnr(video[:, -1], truth[:, -1]),
                monotone=float(bool((steps > -0.5).all())), ends_right=float(abs(float(track[-1] - goal)) <= 1.0))

def loop_scores(video, clip):
    "The jump from the last frame back to the first against the median step, and the largest excursion of the object."
    step = lambda a, b: float((a - b).abs().mean() * 127.5)
    steps = [step(video[:, i + 1], video[:, i]) for i in range(video.shape[1] - 1)]
    track = centroids(object_weights(video, clip['colour']))
    return dict(loop_jump=step(video[:, 0], video[:, -1]), median_step=float(torch.tensor(steps).median()),
                jump_within_step=float(step(video[:, 0], video[:, -1]) <= float(torch.tensor(steps).median()) + 1e-6),
                excursion_px=float((track - track[0]).norm(dim=1).max()))

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--n', type=int, default=32, help='held-out clips')
    parser.add_argument('--threads', type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    start, clips = time.time(), held_out_clips(default_model().config, args.n)
    results = {}
    for label, model in (('animation toy', default_model()), ('interpolation toy', default_model('interpolate'))):
        rows = []
        for i, clip in enumerate(clips):
            image, caption = clip['video'][:, 0], clip['caption']
            between = animate(image, caption, model, end_image=clip['video'][:, -1], fps=clip['frame_stride'], seed=i, progress=False)
            looped = animate(image, caption, model, loop=True, fps=clip['frame_stride'], seed=i, progress=False)
            rows.append(interpolation_scores(between, clip) | loop_scores(looped, clip))
        results[label] = {k: round(sum(r[k] for r in rows) / len(rows), 3) for k in rows[0]}
    print(f"{'':>18} | first dB | last dB | monotone | ends right | loop jump | median step | jump ≤ step | excursion px")
    for label, r in results.items():
        print(f"{label:>18} | {r['first_psnr']:8.2f} | {r['last_psnr']:7.2f} | {r['monotone']:8.0%} | {r['ends_right']:10.0%} | "
              f"{r['loop_jump']:9.2f} | {r['median_step']:11.2f} | {r['jump_within_step']:11.0%} | {r['excursion_px']:12.2f}")
    print(json.dumps(dict(n=args.n, seconds=round(time.time() - start, 1), **results)))

if __name__ == '__main__': main()
