#!/usr/bin/env python
"""Write examples/red_circle.png: the first frame of a held-out synthetic clip (seed 2024, never used in training),
a red circle on a plain blue background whose caption says it moves right. The README's first command animates it:

    dynamicrafter animate examples/red_circle.png "a red circle moves right on a blue plain background" -o circle.mp4
"""
from pathlib import Path
import numpy as np
from PIL import Image
from dynamicrafter.data import SyntheticVideos

def main(out='examples/red_circle.png'):
    clip = SyntheticVideos(n=1000, frames=8, size=32, frame_stride=3, seed=2024, motions=['moves right'])[525]
    assert (clip['shape'], clip['colour'], clip['background']) == ('circle', 'red', 'plain'), clip['caption']
    pixels = ((clip['video'][:, 0].permute(1, 2, 0).numpy() + 1) * 127.5).round().clip(0, 255).astype(np.uint8)
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(pixels).save(out)
    print(f"{out}: {clip['caption']!r}")

if __name__ == '__main__': main()
