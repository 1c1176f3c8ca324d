"""Two CPU processes (`torchrun --nproc_per_node 2 -m dynamicrafter.cli …`, gloo) against one:
- a batch makes each input exactly once, the same videos as one process, and an interrupted two-process batch resumes with
  only what is missing;
- training with batch b on each of two processes gives the parameters of one process with batch 2b, and a checkpoint
  written by either layout resumes in the other.
About two minutes on 2 cores."""
import json, os, re, shutil, subprocess, sys
from pathlib import Path
import numpy as np, torch
from PIL import Image
from safetensors.torch import load_file
from dynamicrafter.config import get_config
from dynamicrafter.model import DynamiCrafter

ROOT = Path(__file__).parent.parent

def cli(processes, *arguments)->str:
    "Run `dynamicrafter ARGUMENTS` on `processes` CPU processes; its stdout and stderr."
    command = [sys.executable, '-m', 'torch.distributed.run', '--nproc_per_node', str(processes), '-m', 'dynamicrafter.cli', *arguments]
    env = os.environ | {'PYTHONPATH': str(ROOT), 'OMP_NUM_THREADS': '1'}
    done = subprocess.run([str(c) for c in command], capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr
    return done.stdout + done.stderr

def batch(tmp_path, out, processes):
    "Run the batch on `processes` CPU processes; returns the outputs each 'wrote' line names, in order."
    return re.findall(r'^wrote (\S+)', cli(processes, 'animate', '--input-dir', tmp_path/'in', '--output-dir', out, '--checkpoint',
                                           tmp_path/'tiny.safetensors', '--steps', '1', '--quiet'), re.M)

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

TRAINING = """model: tiny
data: {kind: synthetic_videos, n: 12, frames: 2, size: 32}
steps: 4
save_every: 2
keep_checkpoints: 4
lr: 1.0e-3
ema_decay: 0.9
cpu: true
"""

def train(config, out, processes, batch_size)->str:
    "Train the tiny model on `processes` CPU processes of `batch_size` clips each into `out`; the run's output."
    return cli(processes, 'train', '--config', config, '--set', f'output_dir={out}', f'batch_size={batch_size}')

def weights(folder, name='dynamicrafter')->dict:
    return load_file(folder/'checkpoint-0000004'/f'{name}.safetensors')

def assert_same_training(a:dict, b:dict, start:dict):
    """Equal but for float rounding: gradients are summed in another order, and AdamW's division by √v turns a rounding
    difference in a near-zero gradient into a visible one, so the whole difference is weighed against how far training went."""
    moved = torch.cat([(a[k] - start[k]).flatten() for k in a]).norm()
    differ = torch.cat([(a[k] - b[k]).flatten() for k in a]).norm()
    assert moved > 0.1 and differ < 3e-3 * moved, (moved, differ)                 # measured: 1.45 and 6.4e-4; 2.0 with per-process draws

def losses(folder)->torch.Tensor:
    return torch.tensor(json.loads((folder/'checkpoint-0000004'/'trainer_state.json').read_text())['history'])[:, 1]

def test_two_processes_train_as_one_with_the_whole_batch_and_resume_in_either_layout(tmp_path):
    (tmp_path/'train.yaml').write_text(TRAINING)
    one, two = tmp_path/'one', tmp_path/'two'
    train(tmp_path/'train.yaml', one, 1, 4)
    train(tmp_path/'train.yaml', two, 2, 2)
    torch.manual_seed(20230211); start = dict(DynamiCrafter(get_config('tiny')).state_dict())
    for name in ('dynamicrafter', 'dynamicrafter_ema'):
        assert_same_training(weights(one, name), weights(two, name), start)
    assert torch.allclose(losses(one), losses(two), rtol=1e-5)                    # step by step, the same losses
    # stop after step 2 and go on in the other layout: the same end as the straight run of that layout
    for done, then, processes, batch_size in ((one, tmp_path/'one_then_two', 2, 2), (two, tmp_path/'two_then_one', 1, 4)):
        then.mkdir(); shutil.copytree(done/'checkpoint-0000002', then/'checkpoint-0000002')
        assert 'resuming from step 2' in train(tmp_path/'train.yaml', then, processes, batch_size)
        assert_same_training(weights(done), weights(then), start)
