#!/usr/bin/env python
"""Write the README's examples:

- examples/red_circle.png: the first frame of a held-out synthetic clip (seed 2024, never used in training), a red circle on a
  plain blue background whose caption says it moves right. The README's first command animates it:

      dynamicrafter animate examples/red_circle.png "a red circle moves right on a blue plain background" -o circle.mp4

- examples/toy_animations.gif: that image animated by the shipped toy model four ways (right, left, up, down; seed 1),
  side by side and enlarged 4× (nearest neighbour) so the 32×32 frames can be seen.
- examples/toy_applications.gif: the same image interpolated to the held-out clip's last frame and looped (the interpolation
  toy), and a 22-frame long video (three chained clips of the animation toy); shorter videos hold their last frame (the loop
  plays round three times).
"""
from pathlib import Path
import numpy as np, torch
from einops import rearrange
from PIL import Image
from dynamicrafter.data import SyntheticVideos

def example_image(out='examples/red_circle.png'):
    clip = _held_out_clip()
    assert (clip['shape'], clip['colour'], clip['background']) == ('circle', 'red', 'plain'), clip['caption']
    pixels = ((clip['video'][:, 0].permute(1, 2, 0).numpy() + 1) * 127.5).round().clip(0, 255).astype(np.uint8)
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(pixels).save(out)
    print(f"{out}: {clip['caption']!r}")

def animations(image='examples/red_circle.png', out='examples/toy_animations.gif', scale=4):
    from dynamicrafter import animate, save_video
    videos = [animate(image, f'a red circle moves {words} on a blue plain background', seed=1, progress=False)
              for words in ('right', 'left', 'up', 'down')]
    row = rearrange(torch.stack(videos), 'n c t h w -> c t h (n w)')                   # side by side
    save_video(out, row.repeat_interleave(scale, dim=-1).repeat_interleave(scale, dim=-2), fps=4)
    print(f"{out}: {Path(out).stat().st_size / 1e3:.0f} KB")

def _held_out_clip():
    return SyntheticVideos(n=1000, frames=8, size=32, frame_stride=3, seed=2024, motions=['moves right'])[525]

def applications(image='examples/red_circle.png', out='examples/toy_applications.gif', scale=4):
    from dynamicrafter import animate, save_video
    prompt, end = 'a red circle moves right on a blue plain background', _held_out_clip()['video'][:, -1]
    interpolation = animate(image, prompt, end_image=end, seed=1, progress=False)
    loop = animate(image, prompt, loop=True, seed=1, progress=False)
    long = animate(image, 'a red circle moves down on a blue plain background', frames=22, fps=2, seed=1, progress=False)
    t = long.shape[1]
    hold = lambda v: torch.cat([v, v[:, -1:].expand(-1, t - v.shape[1], -1, -1)], dim=1)
    row = rearrange(torch.stack([hold(interpolation), hold(loop.repeat(1, 3, 1, 1)[:, :t]), long]), 'n c t h w -> c t h (n w)')
    save_video(out, row.repeat_interleave(scale, dim=-1).repeat_interleave(scale, dim=-2), fps=4)
    print(f"{out}: {Path(out).stat().st_size / 1e3:.0f} KB")

if __name__ == '__main__':
    example_image()
    animations()
    applications()
