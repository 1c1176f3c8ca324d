"""Quality of the toy DynamiCrafter on held-out synthetic items (seeds never used in training).

For each held-out clip whose caption moves the object left, right, up or down, animate its first frame with its caption
and measure
- text control: the motion direction recovered from the generated frames by tracking the object's centroid (pixels
  weighted by closeness to the object's colour), compared with the caption's direction;
- input conformity: PSNR of the first generated frame against the input image, and PSNR over the frames of the
  pixels away from the object (the background should stay where it was);
- clean frames: `aligned_psnr`, each frame after the first against the input image slid to where it fits best (in this
  world a true frame is exactly that, so noise, blotches, colour drift and melting shapes lower it and motion does not);
- residual noise: on the pixels at least 3 px from the object (in the true and in the generated frame), how far the generated
  frame is from the true one, in 1/255 (the mean, and the 99th percentile), next to the same number for the true clip after
  the autoencoder's round trip: noise the sampler leaves behind shows up here, and the object's shape does not count;
- the same with visual detail guidance switched off (the VDG latent replaced by zeros) as the ablation.
The metrics are checked on the ground-truth clips: `ground_truth` gives the direction accuracy and the aligned PSNR of the true
clips, and the aligned PSNR and residual noise after the autoencoder's round trip (the most a model in its latent space can reach).

    python benchmarks/toy_quality.py --weights runs/toy/toy.safetensors --n 40
    python benchmarks/toy_quality.py --s-txt 1 2 3 7.5       # a sweep of the text guidance scale
    python benchmarks/toy_quality.py --n 8 --steps 10        # quick look
Targets: direction ≥ 90 %, first-frame PSNR ≥ 25 dB, clean frames, conformity clearly above the no-VDG ablation.
"""
import argparse, json, time
import torch
from dynamicrafter.model import DynamiCrafter
from dynamicrafter.conditioning import sampling_conditions
from dynamicrafter.sampler import sample
from dynamicrafter.toy import held_out_clips
from dynamicrafter.metrics import psnr, object_weights, direction_of, aligned_psnr, background_noise

def clean_psnr(video, image):
    "Mean aligned PSNR of frames 2..t (the first frame is scored on its own)."
    return float(aligned_psnr(video, image)[1:].mean())

@torch.no_grad()
def generate(model, image, prompt, fs, steps, s_txt, eta, seed, vdg=True, **sampling):
    "A video (3, t, h, w) for one image and prompt; `vdg=False` zeroes the VDG latent in every branch; `sampling` goes to `sample` (solver, guidance_interval)."
    d = model.config.sampling
    torch.manual_seed(seed)
    branches = sampling_conditions(model, image, prompt, d.frames)
    if not vdg:
        for b in branches: b['concat'] = torch.zeros_like(b['concat'])
    cond, uncond, _ = branches
    h, w = image.shape[-2] // model.autoencoder.downscale, image.shape[-1] // model.autoencoder.downscale
    x_T = torch.randn(1, model.config.diffusion.channels, d.frames, h, w, generator=torch.Generator().manual_seed(seed))
    z = sample(model, x_T, cond, uncond if s_txt != 1 else None, steps=steps, eta=eta, s_txt=s_txt,
               guidance_rescale=d.guidance_rescale, spacing=d.spacing, fs=fs, progress=False, **sampling)
    return model.decode_latents(z)[0].clamp(-1, 1)

def evaluate(model, items, steps, s_txt, eta, vdg, first_seed=0, **sampling):
    "The mean metrics over `items` (clip i sampled with seed `first_seed + i`), and the generated videos."
    rows, videos = [], []
    for i, item in enumerate(items):
        video, image = item['video'], item['video'][:, 0]
        out = generate(model, image, item['caption'], item['frame_stride'], steps, s_txt, eta, seed=first_seed + i, vdg=vdg, **sampling)
        videos.append(out)
        away = (object_weights(image[:, None], item['colour'])[0] < 0.1) & (object_weights(out, item['colour']) < 0.1)   # (t, h, w)
        noise, noise_p99 = background_noise(out, video, item['colour'])
        rows.append(dict(correct=direction_of(out, item['colour']) == item['motion'], first_psnr=psnr(out[:, 0], image),
                         background_psnr=psnr(out, image[:, None].expand_as(out), away[None].float()),
                         aligned_psnr=clean_psnr(out, image), noise=noise, noise_p99=noise_p99))
    mean = lambda k: sum(float(r[k]) for r in rows) / len(rows)
    return dict(direction_accuracy=mean('correct'), first_frame_psnr=mean('first_psnr'),
                background_psnr=mean('background_psnr'), aligned_psnr=mean('aligned_psnr'),
                worst_aligned_psnr=min(r['aligned_psnr'] for r in rows), background_noise=mean('noise'),
                background_noise_p99=mean('noise_p99')), videos

@torch.no_grad()
def round_trip(model, video):
    "`video` (3, t, h, w) through the autoencoder: encoded with the posterior mean, decoded."
    return model.decode_latents(model.encode_latents(video[None], sample=False))[0].clamp(-1, 1)

def ground_truth(items, trips):
    "The metrics on the true clips, and on `trips`, the clips after the autoencoder's round trip (the most a model in its latent space can reach)."
    n = len(items)
    noise = [background_noise(trip, it['video'], it['colour']) for trip, it in zip(trips, items)]
    return dict(direction_accuracy=sum(direction_of(it['video'], it['colour']) == it['motion'] for it in items) / n,
                aligned_psnr=sum(clean_psnr(it['video'], it['video'][:, 0]) for it in items) / n,
                autoencoder_aligned_psnr=sum(clean_psnr(trip, it['video'][:, 0]) for trip, it in zip(trips, items)) / n,
                autoencoder_background_noise=sum(m for m, _ in noise) / n,
                autoencoder_background_noise_p99=sum(p for _, p in noise) / n)

def save_frames(path, items, generated:dict, clips=4):
    "A PNG to look at: for the first `clips` items, the true frames, then one row per setting in `generated` (label → videos)."
    from matplotlib.figure import Figure
    rows = [(f"truth: {item['caption']}", item['video']) if label is None else (label, videos[i])
            for i, item in enumerate(items[:clips]) for label, videos in [(None, None), *generated.items()]]
    fig = Figure(figsize=(8, 1.15 * len(rows))); axes = fig.subplots(len(rows), 1)
    for ax, (label, video) in zip(axes, rows):
        strip = torch.cat(list(video.unbind(1)), dim=2)                 # (3, h, t·w): the frames side by side
        ax.imshow(((strip.permute(1, 2, 0) + 1) / 2).clamp(0, 1).numpy())
        ax.set_title(label, fontsize=8, loc='left'); ax.axis('off')
    fig.tight_layout(); fig.savefig(path, dpi=72)

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--weights', default='runs/toy/toy.safetensors', help='a toy.safetensors (scripts/train_toy.py)')
    parser.add_argument('--n', type=int, default=40, help='held-out clips')
    parser.add_argument('--steps', type=int, default=None, help='DDIM steps (default: the config)')
    parser.add_argument('--s-txt', type=float, nargs='+', default=None, help='text guidance scales (default: the config)')
    parser.add_argument('--eta', type=float, default=None, help='DDIM η (default: the config; 0 = deterministic)')
    parser.add_argument('--threads', type=int, default=2)
    parser.add_argument('--out', default=None, help='write the numbers to this JSON file')
    parser.add_argument('--frames', default=None, help='save a PNG of the first 4 clips: truth, its autoencoder round trip, then each s_txt with VDG')
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    model = DynamiCrafter.from_pretrained(args.weights, dtype='fp32', device='cpu')
    d = model.config.sampling
    items = held_out_clips(model.config, args.n)                           # the part of the world the toy was trained on (the four moves)
    trips = [round_trip(model, it['video']) for it in items]
    steps, scales, eta = args.steps or d.steps, args.s_txt or [d.s_txt], d.eta if args.eta is None else args.eta
    start = time.time()
    result, generated = dict(n=args.n, steps=steps, eta=eta, weights=args.weights, ground_truth=ground_truth(items, trips), by_s_txt={}), {}
    for s in scales:
        (with_vdg, generated[f's_txt {s}']), (without, _) = (evaluate(model, items, steps, s, eta, vdg) for vdg in (True, False))
        result['by_s_txt'][s] = dict(vdg=with_vdg, no_vdg=without)
    result['seconds'] = round(time.time() - start, 1)
    if args.frames:
        save_frames(args.frames, items, {'the truth after the autoencoder (its own specks and halos)': trips, **generated})
    print(json.dumps(result, indent=1))
    if args.out: open(args.out, 'w').write(json.dumps(result, indent=1))

if __name__ == '__main__': main()
