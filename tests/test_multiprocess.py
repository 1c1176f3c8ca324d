"""A batch split over two CPU processes (`torchrun --nproc_per_node 2 -m dynamicrafter.cli animate …`) makes each input exactly once,
the same videos as one process, and an interrupted two-process batch resumes with only what is missing. About a minute on 2 cores."""
import os, re, subprocess, sys
from pathlib import Path
import numpy as np, torch
from PIL import Image
from dynamicrafter.config import get_config
from dynamicrafter.model import DynamiCrafter

ROOT = Path(__file__).parent.parent

def batch(tmp_path, out, processes):
    "Run the batch on `processes` CPU processes; returns the outputs each 'wrote' line names, in order."
    command = [sys.executable, '-m', 'torch.distributed.run', '--nproc_per_node', str(processes), '-m', 'dynamicrafter.cli', 'animate',
               '--input-dir', tmp_path/'in', '--output-dir', out, '--checkpoint', tmp_path/'tiny.safetensors', '--steps', '1', '--quiet']
    env = os.environ | {'PYTHONPATH': str(ROOT), 'OMP_NUM_THREADS': '1'}
    done = subprocess.run([str(c) for c in command], capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr
    return re.findall(r'^wrote (\S+)', done.stdout + done.stderr, re.M)

def test_two_processes_make_each_video_once_and_resume(tmp_path):
    (tmp_path/'in').mkdir()
    torch.manual_seed(0); DynamiCrafter(get_config('tiny')).save_pretrained(tmp_path/'tiny.safetensors')
    for i in range(4):
        Image.fromarray(np.random.default_rng(i).integers(0, 256, (32, 32, 3), dtype=np.uint8)).save(tmp_path/'in'/f'{i}.png')
        (tmp_path/'in'/f'{i}.txt').write_text(f'thing {i} moves')
    one, two = tmp_path/'one', tmp_path/'two'
    one.mkdir(); two.mkdir()
    assert sorted(batch(tmp_path, one, 1)) == [str(one/f'{i}.mp4') for i in range(4)]
    wrote = batch(tmp_path, two, 2)
    assert sorted(wrote) == [str(two/f'{i}.mp4') for i in range(4)]                  # each input once, none twice
    assert all((one/f'{i}.mp4').read_bytes() == (two/f'{i}.mp4').read_bytes() for i in range(4))
    # an interrupted run: two videos never written, a temporary file left by a killed writer
    (two/'1.mp4').unlink(); (two/'2.mp4').unlink(); (two/'.2-killed.mp4').write_bytes(b'half')
    kept = {p.name: p.stat().st_mtime_ns for p in two.glob('[03].mp4')}
    assert sorted(batch(tmp_path, two, 2)) == [str(two/'1.mp4'), str(two/'2.mp4')]
    assert {p.name: p.stat().st_mtime_ns for p in two.glob('[03].mp4')} == kept
    assert all((one/f'{i}.mp4').read_bytes() == (two/f'{i}.mp4').read_bytes() for i in range(4))
